// A real SQLite file in a temporary folder, migrated like the app's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDatabasePath(): { file: string; remove: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-unit-'));
	return { file: path.join(dir, 'survey.sqlite'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A temporary database that the app's configuration will use, with any further settings. Call
 * it inside `vi.hoisted`, so it runs before any import reads the configuration:
 * `const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()))`.
 */
export function useTempDatabase(env: Record<string, string> = {}): { file: string; remove: () => void } {
	const t = tempDatabasePath();
	Object.assign(process.env, env, { DATABASE_PATH: t.file });
	return t;
}
