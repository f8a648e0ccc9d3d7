// A per-client limit on submissions, kept in memory only. Clients are told apart by a salted
// hash of their address; the salt is made at start-up and never written anywhere, so neither
// the counters nor anything derived from them can be tied back to an address or a response.
import { createHash, randomBytes } from 'node:crypto';

export class RateLimiter {
	private readonly salt = randomBytes(32);
	private readonly hits = new Map<string, number[]>();

	constructor(
		private readonly limit: number,
		private readonly windowMs: number
	) {}

	private keyOf(client: string): string {
		return createHash('sha256').update(this.salt).update(client).digest('base64url');
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
		this.hits.set(key, recent);
		if (this.hits.size > 10_000) this.sweep(now);
		return true;
	}

	private sweep(now: number) {
		for (const [key, times] of this.hits)
			if (times.every((t) => now - t >= this.windowMs)) this.hits.delete(key);
	}
}
