// The three encodings an analyst may choose: UTF-8 with a BOM (opens right in Japanese Excel),
// UTF-8 without, and Shift_JIS (CP932) for older tools, where a character CP932 cannot hold is
// found and reported before the download instead of being silently replaced.
import iconv from 'iconv-lite';

export const ENCODINGS = ['utf8bom', 'utf8', 'cp932'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const utf8 = new TextEncoder();

export function encoder(encoding: Encoding): { start: Uint8Array; encode: (text: string) => Uint8Array } {
	if (encoding === 'cp932') return { start: new Uint8Array(), encode: (t) => new Uint8Array(iconv.encode(t, 'cp932')) };
	return {
		start: encoding === 'utf8bom' ? new Uint8Array([0xef, 0xbb, 0xbf]) : new Uint8Array(),
		encode: (t) => utf8.encode(t)
	};
}

export const charset = (encoding: Encoding) => (encoding === 'cp932' ? 'Shift_JIS' : 'utf-8');

const fits = new Map<string, boolean>();

/** The characters of a text that CP932 cannot represent (each once, in order). */
export function notInCp932(text: string): string[] {
	const found: string[] = [];
	for (const ch of text) {
		if (ch.charCodeAt(0) < 0x80) continue;
		let ok = fits.get(ch);
		if (ok === undefined) {
			ok = iconv.decode(iconv.encode(ch, 'cp932'), 'cp932') === ch;
			fits.set(ch, ok);
		}
		if (!ok && !found.includes(ch)) found.push(ch);
	}
	return found;
}
