// A real SQLite file in a temporary folder, migrated like the app's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function tempDatabasePath(): { file: string; remove: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-unit-'));
	return { file: path.join(dir, 'survey.sqlite'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
