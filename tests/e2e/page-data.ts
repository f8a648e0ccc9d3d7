// What a SvelteKit page sends to the browser as its data (`__data.json`), decoded from devalue's
// flat form for plain objects, arrays and primitives, so a test can check it from outside.
import type { Page } from 'playwright-core';

function unflatten(values: unknown[]): unknown {
	const seen = new Map<number, unknown>();
	const at = (i: number): unknown => {
		if (i < 0) return undefined;
		if (seen.has(i)) return seen.get(i);
		const v = values[i];
		if (Array.isArray(v)) {
			if (typeof v[0] === 'string') throw new Error(`devalue type ${v[0]} is not read here`);
			const out: unknown[] = [];
			seen.set(i, out);
			for (const j of v as number[]) out.push(at(j));
			return out;
		}
		if (v && typeof v === 'object') {
			const out: Record<string, unknown> = {};
			seen.set(i, out);
			for (const [k, j] of Object.entries(v as Record<string, number>)) out[k] = at(j);
			return out;
		}
		return v;
	};
	return at(0);
}

/** The data of the page at `path` (with the page's cookies), as the browser receives it. */
export async function pageData(page: Page, path: string): Promise<Record<string, unknown>> {
	const url = new URL(path, page.url());
	url.pathname = `${url.pathname.replace(/\/$/, '')}/__data.json`;
	const body = (await (await page.request.get(url.toString())).json()) as { nodes: ({ type: string; data: unknown[] } | null)[] };
	const node = body.nodes.filter((n) => n?.type === 'data').at(-1)!;
	return unflatten(node.data) as Record<string, unknown>;
}
