// The secret that keys invitation-code hashes. It never sits in the database or a backup, so
// whoever holds those cannot recover unused codes by trying all 10¹² of them: it comes from
// INVITATION_KEY, or from a key file beside the database, made at first start (mode 600).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config';

/** Bytes a key must have at least. */
const KEY_BYTES = 32;

/** The key file for a database file: beside it, never inside it. */
export const keyFileFor = (databasePath: string) => `${databasePath.replace(/\.sqlite$/, '')}.invitation-key`;

function decode(text: string, from: string): Buffer {
	const trimmed = text.trim();
	const key = /^[0-9a-f]+$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64url');
	if (key.length < KEY_BYTES)
		throw new Error(`${from} must hold at least ${KEY_BYTES} random bytes (hex or base64url), not ${key.length}`);
	return key;
}

/** Reads the key file, or makes it when there is none (and only then). */
function fromFile(file: string): Buffer {
	try {
		return decode(fs.readFileSync(file, 'utf8'), file);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	fs.mkdirSync(path.dirname(file), { recursive: true });
	const key = randomBytes(KEY_BYTES).toString('hex');
	try {
		// 'wx': if another process made it meanwhile, its key is the one used.
		fs.writeFileSync(file, `${key}\n`, { mode: 0o600, flag: 'wx' });
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	}
	return decode(fs.readFileSync(file, 'utf8'), file);
}

const keys = new Map<string, Buffer>();

/** The invitation-code key of the database at this path. */
export function codeKey(databasePath = config.databasePath): Buffer {
	const env = process.env.INVITATION_KEY;
	if (env) return decode(env, 'INVITATION_KEY');
	let key = keys.get(databasePath);
	if (!key) keys.set(databasePath, (key = fromFile(keyFileFor(databasePath))));
	return key;
}
