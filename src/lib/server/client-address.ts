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
