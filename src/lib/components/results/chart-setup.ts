// Chart.js with only the parts the results pages draw registered, so the rest is left out of
// the bundle. Imported dynamically by Chart.svelte, which only staff pages use: the resident's
// survey never loads it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type Plugin } from 'chart.js';

/** A white background, so a downloaded PNG looks the same pasted into a report. */
const whiteBackground: Plugin = {
	id: 'whiteBackground',
	beforeDraw(chart) {
		const { ctx, width, height } = chart;
		ctx.save();
		ctx.globalCompositeOperation = 'destination-over';
		ctx.fillStyle = '#fff';
		ctx.fillRect(0, 0, width, height);
		ctx.restore();
	}
};

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, whiteBackground);
Chart.defaults.font.family = "system-ui, -apple-system, 'Hiragino Sans', 'Noto Sans JP', 'Yu Gothic', sans-serif";
Chart.defaults.color = '#1f2933';

export { Chart };
