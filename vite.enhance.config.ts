// The survey page's script, built on its own (see src/lib/client/survey-enhance.ts): Svelte
// and the survey's components only, without SvelteKit's client. vite.config.ts runs this build
// before the app's; the server then serves the file (src/lib/server/survey-script.ts).
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { BROWSER_TARGET } from './browser-target.js';

export const ENHANCE_OUT = 'enhance-build';

export default defineConfig({
	plugins: [svelte({ compilerOptions: { css: 'external' }, emitCss: false })],
	resolve: { alias: { $lib: path.resolve('src/lib') } },
	logLevel: 'warn',
	build: {
		target: BROWSER_TARGET,
		outDir: ENHANCE_OUT,
		emptyOutDir: true,
		copyPublicDir: false,
		rollupOptions: {
			input: 'src/lib/client/survey-enhance.ts',
			output: { entryFileNames: 'survey.js', format: 'es' }
		}
	}
});
