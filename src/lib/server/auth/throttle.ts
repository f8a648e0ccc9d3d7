// Slows down guessing at the login form: failures are counted per login id and per client
// address; past a few, each further try must wait twice as long as the last, and after many
// the key is locked for a while. In memory only: a restart forgives, which is acceptable for
// one small server and keeps no addresses on disk.

export interface ThrottleRules {
	/** Failures allowed before any waiting. */
	free: number;
	/** The first wait, doubled with each further failure. */
	baseDelayMs: number;
	/** Failures after which the key is locked for lockMs. */
	lockAfter: number;
	lockMs: number;
	/** A key with no failure for this long starts afresh. */
	forgetAfterMs: number;
}

export const DEFAULT_RULES: ThrottleRules = {
	free: 3,
	baseDelayMs: 2_000,
	lockAfter: 10,
	lockMs: 15 * 60_000,
	forgetAfterMs: 60 * 60_000
};

interface Entry {
	failures: number;
	blockedUntil: number;
	lastFailure: number;
}

export class LoginThrottle {
	private entries = new Map<string, Entry>();
	constructor(private rules: ThrottleRules = DEFAULT_RULES) {}

	private entry(key: string, now: number): Entry | undefined {
		const e = this.entries.get(key);
		if (e && now - e.lastFailure > this.rules.forgetAfterMs && now >= e.blockedUntil) {
			this.entries.delete(key);
			return undefined;
		}
		return e;
	}

	/** Milliseconds the caller must still wait before trying any of these keys (0: may try). */
	waitMs(keys: string[], now = Date.now()): number {
		return Math.max(0, ...keys.map((k) => (this.entry(k, now)?.blockedUntil ?? 0) - now));
	}

	fail(keys: string[], now = Date.now()): void {
		for (const key of keys) {
			const e = this.entry(key, now) ?? { failures: 0, blockedUntil: 0, lastFailure: now };
			e.failures += 1;
			e.lastFailure = now;
			const { free, baseDelayMs, lockAfter, lockMs } = this.rules;
			if (e.failures >= lockAfter) e.blockedUntil = now + lockMs;
			else if (e.failures > free) e.blockedUntil = now + baseDelayMs * 2 ** (e.failures - free - 1);
			this.entries.set(key, e);
		}
		if (this.entries.size > 50_000) for (const k of this.entries.keys()) this.entry(k, now);
	}

	/** A successful login clears the account's count (not the address's). */
	succeed(key: string): void {
		this.entries.delete(key);
	}
}
