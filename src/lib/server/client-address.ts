// The address a request came from, as adapter-node reports it: the socket's peer, or behind a
// reverse proxy the header named by ADDRESS_HEADER (and XFF_DEPTH). Used only to key in-memory
// limits, never stored.
let warned = false;

/** The client's address; one shared 'unknown' when the proxy's header is missing. */
export function clientAddress(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch (e) {
		// ADDRESS_HEADER is set but this request did not come through the proxy that sets it.
		// Such requests share one allowance rather than failing.
		if (!warned) console.warn(`A request arrived without the proxy's address header: ${(e as Error).message}`);
		warned = true;
		return 'unknown';
	}
}

/**
 * A warning for start-up when the app is served over https (so behind a proxy, since it speaks
 * plain http itself) but takes every client's address to be the proxy's.
 */
export function proxyWarning(env: Record<string, string | undefined>): string | undefined {
	if (!env.ORIGIN?.startsWith('https:') || env.ADDRESS_HEADER) return undefined;
	return [
		'警告: ORIGIN は https ですが ADDRESS_HEADER が設定されていません。',
		'Warning: ORIGIN is https but ADDRESS_HEADER is not set. Behind a reverse proxy every',
		'client then has the proxy\'s address, and the per-client limits on submissions, invitation',
		'codes and logins apply to everyone at once. Set ADDRESS_HEADER=x-forwarded-for and',
		'XFF_DEPTH (see README, "Running behind a reverse proxy").'
	].join('\n');
}

/**
 * What identifies one client in a limit: an IPv4 address, or an IPv6 address's /64 network
 * (one home or phone gets a whole /64, so keying single IPv6 addresses would give an attacker
 * endless fresh ones).
 */
export function addressKey(address: string): string {
	const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
	if (v4 || !address.includes(':')) return v4 ? v4[1] : address;
	const [head, tail = ''] = address.toLowerCase().split('%')[0].split('::');
	const left = head ? head.split(':') : [];
	const right = tail ? tail.split(':') : [];
	const groups = address.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
	return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
