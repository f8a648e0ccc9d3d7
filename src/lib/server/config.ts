// Settings read from the environment, with defaults that run the bundled survey on SQLite.
import { env } from 'node:process';
import path from 'node:path';
import { isLocalGovernmentCode } from '$lib/local-government-code';

function int(name: string, fallback: number): number {
	const raw = env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw);
	if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${raw}"`);
	return n;
}

/** Parses a size as adapter-node parses BODY_SIZE_LIMIT: bytes, or with a K, M or G suffix. */
export function parseByteSize(value: string): number {
	const multiplier = ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[value.at(-1)?.toUpperCase() ?? ''];
	const n = Number(multiplier ? value.slice(0, -1) : value) * (multiplier ?? 1);
	if (Number.isNaN(n)) throw new Error(`BODY_SIZE_LIMIT must be a size such as 512K, not "${value}"`);
	return n;
}

/** An IANA time zone such as Asia/Tokyo; a misspelt one is refused at start-up, not at the first response. */
function timeZone(name: string, fallback: string): string {
	const zone = env[name] || fallback;
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
	} catch {
		throw new Error(`${name} must be a time zone such as Asia/Tokyo, not "${zone}"`);
	}
	return zone;
}

/** The municipality that runs the surveys, as its open data names it: 全国地方公共団体コード (check digit verified) and name. */
function municipality(codeName: string, nameName: string): { code: string; name: string } {
	const code = env[codeName] || '352039';
	if (!isLocalGovernmentCode(code))
		throw new Error(`${codeName} must be a six-digit 全国地方公共団体コード with its check digit (such as 352039 for 山口市), not "${code}"`);
	return { code, name: env[nameName] || '山口市' };
}

export const config = {
	/** The SQLite file; created with its folder when missing. */
	databasePath: path.resolve(env.DATABASE_PATH || 'db/survey.sqlite'),
	/**
	 * Submissions one client (one address) may make in a window: sized so that a kiosk or a
	 * shared Wi-Fi where 100 residents answer within an hour is never refused.
	 */
	submitLimit: int('SUBMIT_RATE_LIMIT', 150),
	submitWindowMs: int('SUBMIT_RATE_WINDOW_SECONDS', 3600) * 1000,
	/**
	 * The time zone whose calendar day is stored with each response, and in which every date
	 * and time is shown, typed in, and used to name downloads.
	 */
	timeZone: timeZone('SURVEY_TIME_ZONE', 'Asia/Tokyo'),
	/** The largest request body, the same limit adapter-node applies (BODY_SIZE_LIMIT). */
	bodyLimit: parseByteSize(env.BODY_SIZE_LIMIT || '512K'),
	/** Named in every open-data file (MUNICIPALITY_CODE, MUNICIPALITY_NAME). */
	municipality: municipality('MUNICIPALITY_CODE', 'MUNICIPALITY_NAME')
};
