// Settings read from the environment, with defaults that run the bundled survey on SQLite.
import { env } from 'node:process';
import path from 'node:path';

function int(name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
	return n;
}

export const config = {
	/** The SQLite file; created with its folder when missing. */
	databasePath: path.resolve(env.DATABASE_PATH || 'db/survey.sqlite'),
	/** Submissions one client may make in a window before being asked to wait. */
	submitLimit: int('SUBMIT_RATE_LIMIT', 20),
	submitWindowMs: int('SUBMIT_RATE_WINDOW_SECONDS', 600) * 1000,
	/** The time zone whose calendar day is stored with each response. */
	timeZone: env.SURVEY_TIME_ZONE || 'Asia/Tokyo'
};
