// CSV bytes, for the text $lib/csv writes and reads. Downloads: the three encodings an analyst
// may choose, UTF-8 with a BOM (opens right in Japanese Excel), UTF-8 without, and Shift_JIS
// (CP932) for older tools, where a character CP932 cannot hold is found and reported before the
// download instead of being silently replaced. Uploads: UTF-8 or Shift_JIS, told apart.
import iconv from 'iconv-lite';

export const ENCODINGS = ['utf8bom', 'utf8', 'cp932'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const utf8 = new TextEncoder();

/**
 * Characters that are in JIS X 0208 but that Unicode maps differently from Windows: the same
 * characters, written with the code points CP932 uses (〜 U+301C is ～ U+FF5E there, and so
 * on). This is the standard conversion, not a replacement of one character by another.
 */
const JIS_TO_CP932: Record<string, string> = {
	'\u301C': '\uFF5E', // 〜 WAVE DASH
	'\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE
	'\u2212': '\uFF0D', // − MINUS SIGN
	'\u00A2': '\uFFE0', // ¢
	'\u00A3': '\uFFE1', // £
	'\u00AC': '\uFFE2', // ¬
	'\u2014': '\u2015' // — EM DASH
};
const toCp932Forms = (text: string) => text.replace(/[\u301C\u2016\u2212\u00A2\u00A3\u00AC\u2014]/g, (c) => JIS_TO_CP932[c]);

export function encoder(encoding: Encoding): { start: Uint8Array; encode: (text: string) => Uint8Array } {
	if (encoding === 'cp932')
		return { start: new Uint8Array(), encode: (t) => new Uint8Array(iconv.encode(toCp932Forms(t), 'cp932')) };
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
	for (const ch of toCp932Forms(text)) {
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

/**
 * An uploaded file's text: UTF-8 (with or without a BOM) when it is valid UTF-8, else Shift_JIS
 * (CP932) as Japanese Excel saves a CSV. Japanese text in Shift_JIS is almost never valid UTF-8,
 * so trying UTF-8 strictly first tells the two apart.
 */
export function decodeUpload(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return iconv.decode(Buffer.from(bytes), 'cp932');
	}
}

/** The text of an uploaded file (a CSV or a questionnaire's JSON), decoded as decodeUpload does. */
export const uploadedText = async (file: Blob): Promise<string> => decodeUpload(new Uint8Array(await file.arrayBuffer()));
