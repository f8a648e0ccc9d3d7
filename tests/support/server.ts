// Starts the built app (`node build`) on a free loopback port with its own temporary
// database, as a resident's browser or a benchmark would meet it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RunningServer {
	url: string;
	databasePath: string;
	/** What the server printed so far (the first administrator's one-time password, say). */
	output: () => string;
	stop: () => Promise<void>;
	/** Kills the server as a power cut would (SIGKILL), leaving its files as they are. */
	crash: () => Promise<void>;
}

export interface ServerOptions {
	/** A database left by an earlier server (after a crash, say) instead of a new one; not removed on stop. */
	databasePath?: string;
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
	const entry = path.resolve('build/index.js');
	if (!fs.existsSync(entry)) throw new Error('build/index.js is missing: run `npx vite build` first');
	const dir = options.databasePath ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'survey-test-'));
	const databasePath = options.databasePath ?? path.join(dir!, 'survey.sqlite');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child: ChildProcess = spawn(process.execPath, [entry], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_PATH: databasePath,
			SUBMIT_RATE_LIMIT: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const deadline = Date.now() + 20_000;
	while (!output.includes('Listening on')) {
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error(`the server did not start:\n${output}`);
		await new Promise((r) => setTimeout(r, 50));
	}
	const end = async (signal: NodeJS.Signals) => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((r) => child.once('exit', r));
		child.kill(signal);
		await exited;
	};
	return {
		url,
		databasePath,
		output: () => output,
		stop: async () => {
			await end('SIGTERM');
			if (dir) fs.rmSync(dir, { recursive: true, force: true });
		},
		crash: () => end('SIGKILL')
	};
}
