// A per-client limit on submissions, kept in memory only. Clients are told apart by a salted
// hash of their address; the salt is made at start-up and never written anywhere, so neither
// the counters nor anything derived from them can be tied back to an address or a response.
import { createHash, randomBytes } from 'node:crypto';
import { addressKey } from './client-address';

/** Clients kept at most; past this the least recently seen are forgotten first. */
const MAX_CLIENTS = 100_000;
const SWEEP_EVERY_MS = 60_000;

export class RateLimiter {
	private readonly salt = randomBytes(32);
	private readonly hits = new Map<string, number[]>();
	private lastSweep = 0;

	constructor(
		private readonly limit: number,
		private readonly windowMs: number
	) {}

	private keyOf(client: string): string {
		return createHash('sha256').update(this.salt).update(addressKey(client)).digest('base64url');
	}

	private recent(key: string, now: number): number[] {
		return (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
	}

	/** Whether the client has allowance left, without using any. */
	allows(client: string, now = Date.now()): boolean {
		return this.limit === 0 || this.recent(this.keyOf(client), now).length < this.limit;
	}

	/** Records an attempt; false when the client has used up its allowance for now. */
	take(client: string, now = Date.now()): boolean {
		if (this.limit === 0) return true;
		const key = this.keyOf(client);
		const recent = this.recent(key, now);
		if (recent.length >= this.limit) {
			this.hits.set(key, recent);
			return false;
		}
		recent.push(now);
		// Deleted and set again, so the map's order is the order of last use.
		this.hits.delete(key);
		this.hits.set(key, recent);
		this.prune(now);
		return true;
	}

	/** Takes back the last use (a submission that turned out to be one already stored). */
	giveBack(client: string): void {
		this.hits.get(this.keyOf(client))?.pop();
	}

	private prune(now: number) {
		if (this.hits.size > MAX_CLIENTS / 2 && now - this.lastSweep > SWEEP_EVERY_MS) {
			this.lastSweep = now;
			for (const [key, times] of this.hits) if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
		}
		for (const key of this.hits.keys()) {
			if (this.hits.size <= MAX_CLIENTS) break;
			this.hits.delete(key);
		}
	}
}
