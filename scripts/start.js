#!/usr/bin/env node
// `npm start`: builds the app when the build is missing or older than the sources, then
// serves it. The server migrates the database and installs the bundled survey on start-up.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const built = path.join(root, 'build', 'index.js');

function newest(dir) {
	let latest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
	}
	return latest;
}

const sources = Math.max(
	newest(path.join(root, 'src')),
	newest(path.join(root, 'db', 'migrations')),
	newest(path.join(root, 'static')),
	fs.statSync(path.join(root, 'package.json')).mtimeMs
);

if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
	console.log('Building the app…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.PORT ||= '3000';
// Form posts are checked against ORIGIN; on a public server set it to the https address.
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
process.chdir(root);
console.log(`Serving on ${process.env.ORIGIN}/ (the bundled survey: ${process.env.ORIGIN}/s/digital-2022)`);
await import(built);
