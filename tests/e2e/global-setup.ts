// One running app for the browser tests, started from the production build.
import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		databasePath: string;
	}
}

export default async function setup(project: TestProject) {
	const server = await startServer();
	project.provide('baseUrl', server.url);
	project.provide('databasePath', server.databasePath);
	return () => server.stop();
}
