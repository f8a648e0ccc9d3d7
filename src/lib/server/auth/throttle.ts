// Slows down guessing at passwords. Every try is counted before the password is verified, so
// a burst of parallel requests gets no more checks than the rules allow, and is taken back
// only when it succeeds. Past a key's free tries each further one must wait twice as long as
// the last; some keys are then locked for a while. In memory only: a restart forgives, which
// is acceptable for one small server and keeps no addresses on disk.
import { addressKey } from '../client-address';

export interface ThrottleRules {
	/** Failures allowed before any waiting. */
	free: number;
	/** The first wait, doubled with each further failure, up to maxDelayMs. */
	baseDelayMs: number;
	maxDelayMs: number;
	/** Failures after which the key is locked for lockMs (Infinity: never locked). */
	lockAfter: number;
	lockMs: number;
	/** A key with no failure for this long starts afresh. */
	forgetAfterMs: number;
	/** What a success does: forget every failure, or take back only the try that succeeded. */
	onSuccess: 'forget' | 'takeBack';
}

const MINUTE = 60_000;

/** One login id tried from one address: the attacker's own key, strict. */
export const PAIR_RULES: ThrottleRules = {
	free: 3,
	baseDelayMs: 2_000,
	maxDelayMs: 15 * MINUTE,
	lockAfter: 10,
	lockMs: 15 * MINUTE,
	forgetAfterMs: 60 * MINUTE,
	onSuccess: 'forget'
};

/**
 * One address trying any login ids (an office behind one NAT has several staff, so more free
 * tries). A success from it takes back only its own try: logging in to an account one owns
 * does not wipe the address's failures.
 */
export const ADDRESS_RULES: ThrottleRules = {
	free: 10,
	baseDelayMs: 2_000,
	maxDelayMs: 15 * MINUTE,
	lockAfter: 30,
	lockMs: 15 * MINUTE,
	forgetAfterMs: 60 * MINUTE,
	onSuccess: 'takeBack'
};

/**
 * One login id tried from anywhere: slows an attack spread over many addresses, but is never
 * locked and waits at most half a minute, so no attacker can lock the real user out.
 */
export const ACCOUNT_RULES: ThrottleRules = {
	free: 10,
	baseDelayMs: 1_000,
	maxDelayMs: 30_000,
	lockAfter: Infinity,
	lockMs: 0,
	forgetAfterMs: 60 * MINUTE,
	onSuccess: 'forget'
};

export interface ThrottleKey {
	id: string;
	rules: ThrottleRules;
}

interface Entry {
	failures: number;
	blockedUntil: number;
	lastFailure: number;
	forgetAfterMs: number;
}

/** Until when a key with this many failures must wait. */
function blockedUntil(rules: ThrottleRules, failures: number, now: number): number {
	if (failures >= rules.lockAfter) return now + rules.lockMs;
	if (failures <= rules.free) return 0;
	return now + Math.min(rules.maxDelayMs, rules.baseDelayMs * 2 ** (failures - rules.free - 1));
}

/** Keys kept at most; past this the least recently failed are forgotten first. */
const MAX_ENTRIES = 100_000;
/** The map is swept of forgotten keys at most this often, so no try pays for a sweep twice. */
const SWEEP_EVERY_MS = 60_000;

export class LoginThrottle {
	private entries = new Map<string, Entry>();
	private lastSweep = 0;

	private entry(id: string, now: number): Entry | undefined {
		const e = this.entries.get(id);
		if (e && now - e.lastFailure > e.forgetAfterMs && now >= e.blockedUntil) {
			this.entries.delete(id);
			return undefined;
		}
		return e;
	}

	/** Milliseconds the caller must still wait before trying any of these keys (0: may try). */
	waitMs(keys: ThrottleKey[], now = Date.now()): number {
		return Math.max(0, ...keys.map((k) => (this.entry(k.id, now)?.blockedUntil ?? 0) - now));
	}

	/**
	 * Claims one try. Returns the milliseconds to wait when any key must wait (nothing is
	 * counted), or 0 when the try may go ahead: it is counted as a failure at once, in the
	 * same step, so parallel tries see each other, and `succeed` takes it back.
	 */
	attempt(keys: ThrottleKey[], now = Date.now()): number {
		const wait = this.waitMs(keys, now);
		if (wait > 0) return wait;
		for (const key of keys) {
			const e = this.entry(key.id, now) ?? { failures: 0, blockedUntil: 0, lastFailure: now, forgetAfterMs: key.rules.forgetAfterMs };
			e.failures += 1;
			e.lastFailure = now;
			e.blockedUntil = blockedUntil(key.rules, e.failures, now);
			// Deleted and set again, so the map's order is the order of last failure.
			this.entries.delete(key.id);
			this.entries.set(key.id, e);
		}
		this.prune(now);
		return 0;
	}

	private prune(now: number) {
		if (this.entries.size > MAX_ENTRIES / 2 && now - this.lastSweep > SWEEP_EVERY_MS) {
			this.lastSweep = now;
			for (const id of this.entries.keys()) this.entry(id, now);
		}
		// Still too many (an attack from very many addresses): forget the oldest.
		for (const id of this.entries.keys()) {
			if (this.entries.size <= MAX_ENTRIES) break;
			this.entries.delete(id);
		}
	}

	/** Keys held now (for tests). */
	get size(): number {
		return this.entries.size;
	}

	/** The try claimed with these keys succeeded. */
	succeed(keys: ThrottleKey[], now = Date.now()): void {
		for (const key of keys) {
			const e = this.entry(key.id, now);
			if (!e) continue;
			if (key.rules.onSuccess === 'forget') {
				this.entries.delete(key.id);
				continue;
			}
			e.failures = Math.max(0, e.failures - 1);
			if (e.failures <= key.rules.free) e.blockedUntil = 0;
		}
	}
}

/**
 * The keys one password check counts against. A browser the account has logged in from
 * before (`knownDevice`) is not held back by the account-wide key.
 */
export function passwordKeys(loginId: string, client: string, knownDevice = false): ThrottleKey[] {
	const account = loginId.trim().toLowerCase();
	const address = addressKey(client);
	const keys = [
		{ id: `pair:${account}\n${address}`, rules: PAIR_RULES },
		{ id: `address:${address}`, rules: ADDRESS_RULES }
	];
	return knownDevice ? keys : [...keys, { id: `account:${account}`, rules: ACCOUNT_RULES }];
}

/** The one throttle of this server: the login form and the password change share it. */
export const passwordThrottle = new LoginThrottle();

/** Failed and throttled password checks of one account (or of unknown ids) are one audit event this long. */
export const PASSWORD_FOLD_MS = 10 * MINUTE;

export function throttledMessage(waitMs: number): string {
	return `パスワードの誤りが続いたため、一時的に制限しています。${Math.ceil(waitMs / 1000)} 秒ほど待ってから、もう一度お試しください。`;
}
