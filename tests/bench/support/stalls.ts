// How long the event loop is held at a time while some work runs: how long a resident's
// request could wait behind it.
export async function longestStall<T>(work: () => Promise<T>, everyMs = 1): Promise<{ result: T; longestMs: number; ms: number }> {
	let longestMs = 0;
	let last = performance.now();
	const ticker = setInterval(() => {
		const now = performance.now();
		longestMs = Math.max(longestMs, now - last);
		last = now;
	}, everyMs);
	const started = performance.now();
	try {
		const result = await work();
		// The stretch since the last tick counts too: work shorter than one tick is still a stall.
		longestMs = Math.max(longestMs, performance.now() - last);
		return { result, longestMs, ms: performance.now() - started };
	} finally {
		clearInterval(ticker);
	}
}
