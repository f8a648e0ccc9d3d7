import { sveltekit } from '@sveltejs/kit/vite';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { BROWSER_TARGET } from './browser-target.js';

/** Builds the survey page's own script (vite.enhance.config.ts) once, before the app. */
function surveyScript(): Plugin {
	let built: Promise<unknown> | undefined;
	return {
		name: 'survey-script',
		apply: 'build',
		async buildStart() {
			built ??= build({ configFile: 'vite.enhance.config.ts' });
			await built;
		}
	};
}

export default defineConfig({
	plugins: [surveyScript(), sveltekit()],
	build: {
		target: BROWSER_TARGET,
		rollupOptions: {
			output: {
				// A resident's phone fetches a few larger files rather than twenty small ones:
				// each file costs a round trip on a slow network and compresses worse alone.
				manualChunks(id: string) {
					if (id.includes('/node_modules/svelte/')) return 'svelte';
					if (id.includes('/node_modules/@sveltejs/kit/')) return 'kit';
					if (/\/src\/lib\/components\/(survey|site|text)\//.test(id)) return 'resident';
				}
			}
		}
	},
	test: {
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' }
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					globalSetup: ['tests/e2e/global-setup.ts'],
					fileParallelism: false,
					testTimeout: 60_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'bench',
					include: ['tests/bench/**/*.bench.ts'],
					fileParallelism: false,
					testTimeout: 600_000,
					hookTimeout: 120_000
				}
			}
		]
	}
});
