// Readings (furigana) for the kanji names residents see on signs and letters (山口市, 市役所,
// 嘉川), in やさしい日本語 texts. The 在留支援のためのやさしい日本語ガイドライン asks for names in
// kanji with their reading, so that a resident can match the word to the sign at the station
// or the envelope from the city, and still read it.
//
// Two ways to write a reading, both plain text that survives a spreadsheet, a CSV or a letter:
//   山口市（やまぐちし）   kanji followed at once by its reading in full-width brackets: what
//                        writers of easy Japanese already do on paper, and what a text reads
//                        as where no ruby can be shown (<title>, <option>, aria-label, CSV);
//   {秋穂二島|あいおふたじま}  explicit, for a base that is not all kanji or when a bracket after
//                        kanji must stay a bracket.
// In easy Japanese both are drawn as <ruby> by RubyText.svelte; plainText() gives the first form.

export type Piece = { text: string } | { base: string; reading: string };

const EXPLICIT = /\{([^{}|]+)\|([^{}|]+)\}/g;
const KANJI = '\\u3005\\u3006\\u4e00-\\u9fff\\uf900-\\ufaff';
// The bracket form: a run of kanji (々 included) directly followed by （hiragana）.
const BRACKETED = new RegExp(`([${KANJI}]+)（([\\u3041-\\u3096\\u30fc]+)）`, 'g');
const BOTH = new RegExp(`${EXPLICIT.source}|${BRACKETED.source}`, 'g');

/** The text as it reads without ruby: `{山口市|やまぐちし}` becomes 山口市（やまぐちし）. */
export function plainText(text: string): string {
	return text.includes('{') ? text.replace(EXPLICIT, '$1（$2）') : text;
}

/**
 * The text cut into plain runs and names with their readings. The bracket form is read as a
 * reading only in easy Japanese (in standard Japanese a bracket after kanji is a gloss).
 */
export function rubyPieces(text: string, easy: boolean): Piece[] {
	const pattern = easy ? BOTH : EXPLICIT;
	const pieces: Piece[] = [];
	let last = 0;
	for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
		if (m.index > last) pieces.push({ text: text.slice(last, m.index) });
		pieces.push(m[1] ? { base: m[1], reading: m[2] } : { base: m[3], reading: m[4] });
		last = m.index + m[0].length;
	}
	if (last < text.length) pieces.push({ text: text.slice(last) });
	return pieces;
}

/** A phone number, a code or a Latin word with hyphens (083-000-0000, e-Tax): a browser may break after a hyphen. */
const HYPHENATED = /[0-9A-Za-z]+(?:[-‐－][0-9A-Za-z]+)+/;

/**
 * The text as runs to print: plain text, and the words (between spaces) that must stay whole
 * on a line: one holding a name with its reading (a browser may break beside a <ruby> as
 * beside an image), or a number or Latin word with hyphens.
 */
export type Run = { text: string } | { word: Piece[] };

export function rubyRuns(text: string, easy: boolean): Run[] {
	const runs: Run[] = [];
	const add = (plain: string) => {
		const last = runs.at(-1);
		if (last && 'text' in last) last.text += plain;
		else if (plain) runs.push({ text: plain });
	};
	let word: Piece[] = [];
	const endWord = () => {
		const named = word.some((p) => 'base' in p);
		const joined = named ? '' : word.map((p) => ('text' in p ? p.text : '')).join('');
		if (!word.length) return;
		if (named) runs.push({ word });
		else if (easy && HYPHENATED.test(joined)) runs.push({ word: [{ text: joined }] });
		else add(joined);
		word = [];
	};
	for (const piece of rubyPieces(text, easy)) {
		if (!('text' in piece)) {
			word.push(piece);
			continue;
		}
		// Words end at spaces, after 、。：」）・ and before 「（, where a line may end in any Japanese
		// (an opening bracket stays with the word it opens).
		for (const part of piece.text.split(/([ \u3000]+|[、。：」』）・](?![、。：」』）・])|(?=[「『（]))/)) {
			if (!part) continue;
			if (/^[ \u3000]+$/.test(part)) {
				endWord();
				add(part);
			} else {
				if (/^[「『（]/.test(part)) endWord();
				const last = word.at(-1);
				if (last && 'text' in last) last.text += part;
				else word.push({ text: part });
				if (/[、。：」』）・]$/.test(part)) endWord();
			}
		}
	}
	endWord();
	return runs;
}
