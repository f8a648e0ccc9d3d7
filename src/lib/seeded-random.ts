// A seeded generator: the same sequence for the same seed, for synthetic data and for Monte
// Carlo p-values that must not change between page loads. Not for anything secret.

/** mulberry32: a uniform generator on [0, 1) from a 32-bit seed; small and fast. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
