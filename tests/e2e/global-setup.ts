// One running app for the browser tests, started from the production build.
import type { TestProject } from 'vitest/node';
import { startServer } from '../support/server';

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		databasePath: string;
		/** The first administrator's one-time password, as the server printed it. */
		adminPassword: string;
	}
}

export default async function setup(project: TestProject) {
	const server = await startServer();
	project.provide('baseUrl', server.url);
	project.provide('databasePath', server.databasePath);
	const printed = server.output().match(/one-time\):\s+(\S+)/);
	if (!printed) throw new Error(`no one-time password was printed:\n${server.output()}`);
	project.provide('adminPassword', printed[1]);
	return () => server.stop();
}
