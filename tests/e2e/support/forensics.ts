// What an investigator with copies of the database files could learn, read from their raw
// bytes: where each known marker text sits, the WAL's commits in the order they were written,
// and whether the positions follow the order of arrival better than chance (Kendall's tau).
import fs from 'node:fs';

/** Copies of the database file, its -wal and -shm as they are at this moment (missing ones empty). */
export function snapshot(databasePath: string): { db: Buffer; wal: Buffer; shm: Buffer } {
	const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : Buffer.alloc(0));
	return { db: read(databasePath), wal: read(`${databasePath}-wal`), shm: read(`${databasePath}-shm`) };
}

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/**
 * The WAL's commits in file order, each the pages its frames hold, valid or stale alike (an
 * investigator reads them all). A commit ends at a frame whose "database size" field is set.
 */
export function walCommits(wal: Buffer): Buffer[][] {
	if (wal.length < WAL_HEADER) return [];
	const pageSize = wal.readUInt32BE(8);
	const commits: Buffer[][] = [];
	let current: Buffer[] = [];
	for (let at = WAL_HEADER; at + FRAME_HEADER + pageSize <= wal.length; at += FRAME_HEADER + pageSize) {
		current.push(wal.subarray(at + FRAME_HEADER, at + FRAME_HEADER + pageSize));
		if (wal.readUInt32BE(at + 4) !== 0) {
			commits.push(current);
			current = [];
		}
	}
	if (current.length) commits.push(current);
	return commits;
}

/** Each marker's first byte offset in the buffer; markers absent are left out. */
export function firstPositions(bytes: Buffer, markers: string[]): Map<string, number> {
	const found = new Map<string, number>();
	for (const m of markers) {
		const at = bytes.indexOf(m);
		if (at >= 0) found.set(m, at);
	}
	return found;
}

/** The markers a set of pages holds in plain text. */
export const markersIn = (pages: Buffer[], markers: string[]): string[] =>
	markers.filter((m) => pages.some((p) => p.includes(m)));

/** Kendall's tau-a between two orderings of the same items (no ties among positions). */
export function kendallTau(x: number[], y: number[]): number {
	const n = x.length;
	let s = 0;
	for (let i = 0; i < n; i++)
		for (let j = i + 1; j < n; j++) s += Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
	return (2 * s) / (n * (n - 1));
}

/**
 * The largest |tau| that chance gives for n items in all but one run of 10,000 (two-sided,
 * z = 3.89, the normal approximation with variance 2(2n + 5) / 9n(n - 1)).
 */
export const tauBound = (n: number) => 3.89 * Math.sqrt((2 * (2 * n + 5)) / (9 * n * (n - 1)));

/**
 * How far the markers' positions in `bytes` follow their arrival order (markers[i] arrived
 * i-th): tau over those found, or undefined when fewer than 10 are found (nothing to order).
 */
export function arrivalTau(bytes: Buffer, markers: string[]): { found: number; tau?: number; bound?: number } {
	const at = firstPositions(bytes, markers);
	const arrived = markers.map((m, i) => [i, at.get(m)] as const).filter(([, p]) => p !== undefined) as [number, number][];
	if (arrived.length < 10) return { found: arrived.length };
	return {
		found: arrived.length,
		tau: kendallTau(
			arrived.map(([i]) => i),
			arrived.map(([, p]) => p)
		),
		bound: tauBound(arrived.length)
	};
}
