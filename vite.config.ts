import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	build: {
		// The oldest browsers the page's script is made for: Android's Chrome of 2020 (80) and
		// the Safari of iOS 13.4. Newer syntax is rewritten for them and the few newer built-ins
		// the bundle calls are supplied (src/lib/client/old-browsers.ts); a browser older still
		// cannot parse the script and keeps the server's full form, which works without it.
		// tests/e2e/survey-steady.test.ts checks both ends.
		target: ['chrome80', 'safari13.1', 'firefox78', 'edge80'],
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
