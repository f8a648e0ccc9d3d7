// Response rates as a council report opens with them: 配布数 (the invitation codes issued, less
// those withdrawn, and what the designer says went out without codes), 回収数 (responses, the
// synthetic demo ones left out), 有効回収数 and 回収率, overall and by channel, and by the group
// the sample was drawn from (層: an age group, a district) when every letter was issued for one.
//
// 有効回収 is a response with at least one readable answer: a questionnaire returned blank, or
// with every mark unreadable (不明), is counted as returned but not as valid.
//
// By group, the responses are those giving that group's answer to the question the batches
// name (nothing links a code to its response); those who did not answer it are 不明. These are
// respondents' counts by an attribute, so they are hidden under k like every other table
// (disclosure.ts), with complements so that the total does not give a hidden one away.
import { CHANNELS, VALID, type Dataset } from './dataset';
import { protect, shown, sumFact, type TableModel } from './disclosure';

/** One batch of letters: the codes still valid or used (withdrawn ones never reached anyone), and its group. */
export interface LetterBatch {
	letters: number;
	stratum: { key: string; code: number } | null;
}

export interface Distribution {
	batches: LetterBatch[];
	/** Handed out without codes, as the designer entered it. */
	withoutCodes: number;
}

export interface RateRow {
	key: string;
	label: string;
	/** Null where unknown (a respondent group without letters, 不明). */
	distributed: number | null;
	/** Null where hidden. */
	collected: number | null;
	/** Null where hidden or not counted by group. */
	valid: number | null;
	/** Percent of distributed; null where hidden or nothing was distributed. */
	rate: number | null;
	validRate: number | null;
}

/** Why no rates by group are given although some batches name a group. */
export type NoGroupsReason = 'mixed' | 'without-codes' | 'unknown-question';

export interface ResponseRates {
	distributed: number;
	withCodes: number;
	withoutCodes: number;
	total: RateRow;
	channels: RateRow[];
	/** Synthetic responses left out. */
	synthetic: number;
	groups?: { key: string; label: string; rows: RateRow[]; hiding: boolean };
	noGroups?: NoGroupsReason;
	k: number;
}

export const percentOf = (n: number | null, of: number | null) => (n === null || !of ? null : (n / of) * 100);

const row = (key: string, label: string, distributed: number | null, collected: number | null, valid: number | null): RateRow => ({
	key,
	label,
	distributed,
	collected,
	valid,
	rate: percentOf(collected, distributed),
	validRate: percentOf(valid, distributed)
});

/** Which responses have at least one readable answer (the questionnaire's own variables, not derived ones). */
function validResponses(data: Dataset): Uint8Array {
	const valid = new Uint8Array(data.size);
	const states = data.variables.filter((v) => !v.derived).map((v) => v.state);
	// Response by response, stopping at its first readable answer: most have one in the first question.
	for (let i = 0; i < data.size; i++)
		for (const state of states)
			if (state[i] === VALID) {
				valid[i] = 1;
				break;
			}
	return valid;
}

/** The one question every letter was drawn by, or why there is none (undefined: no batch names a group). */
function groupQuestion(data: Dataset, d: Distribution): { key: string } | { reason: NoGroupsReason } | undefined {
	const keys = new Set(d.batches.filter((b) => b.letters > 0).map((b) => b.stratum?.key ?? ''));
	if (!keys.size || (keys.size === 1 && keys.has(''))) return undefined;
	if (keys.size > 1 || keys.has('')) return { reason: 'mixed' };
	if (d.withoutCodes > 0) return { reason: 'without-codes' };
	const [key] = keys;
	const v = data.byKey.get(key);
	return v && v.kind === 'code' && !v.derived && !v.row ? { key } : { reason: 'unknown-question' };
}

export const NO_GROUP = 'unknown';

export function responseRates(data: Dataset, d: Distribution, k: number, channelNames: Record<string, string>): ResponseRates {
	const valid = validResponses(data);
	const real: number[] = [];
	let synthetic = 0;
	for (let i = 0; i < data.size; i++) data.synthetic[i] ? synthetic++ : real.push(i);
	const withCodes = d.batches.reduce((s, b) => s + b.letters, 0);
	const distributed = withCodes + d.withoutCodes;
	const byChannel = CHANNELS.map((c, ci) => ({ c, n: 0, valid: 0, ci }));
	let validCount = 0;
	for (const i of real) {
		byChannel[data.channel[i]].n++;
		byChannel[data.channel[i]].valid += valid[i];
		validCount += valid[i];
	}
	const rates: ResponseRates = {
		distributed,
		withCodes,
		withoutCodes: d.withoutCodes,
		total: row('total', '全体', distributed || null, real.length, validCount),
		// Channels as the results page counts them; one nobody used is left out.
		channels: byChannel.filter((c) => c.n > 0).map((c) => row(c.c, channelNames[c.c] ?? c.c, distributed || null, c.n, c.valid)),
		synthetic,
		k
	};
	const found = groupQuestion(data, d);
	if (found && 'reason' in found) rates.noGroups = found.reason;
	else if (found) rates.groups = groupRows(data, d, found.key, real, k);
	return rates;
}

function groupRows(data: Dataset, d: Distribution, key: string, real: number[], k: number): NonNullable<ResponseRates['groups']> {
	const v = data.byKey.get(key)!;
	if (v.kind !== 'code') throw new Error(`${key} is not a single choice`);
	const letters = new Map<number, number>();
	for (const b of d.batches) if (b.stratum && b.letters > 0) letters.set(b.stratum.code, (letters.get(b.stratum.code) ?? 0) + b.letters);
	const counts = new Map<number, number>();
	let unknown = 0;
	for (const i of real) {
		if (v.state[i] === VALID) counts.set(v.codes[i], (counts.get(v.codes[i]) ?? 0) + 1);
		else unknown++;
	}
	// The question's options in its order: those with letters or respondents, then codes it lacks.
	const known = new Set(v.options.map((o) => o.code));
	const groups = [
		...v.options.filter((o) => letters.has(o.code) || counts.has(o.code)).map((o) => ({ code: o.code, label: o.label.ja })),
		...[...new Set([...letters.keys(), ...counts.keys()])].filter((c) => !known.has(c)).sort((a, b) => a - b).map((code) => ({ code, label: `コード ${code}` }))
	];
	const values = [...groups.map((g) => counts.get(g.code) ?? 0), unknown, real.length];
	const n = values.length - 1;
	const model: TableModel = {
		values,
		fixed: values.map((_, i) => i === n),
		totals: values.map((_, i) => i === n),
		facts: [sumFact([...values.keys()].slice(0, n), n)]
	};
	const hidden = protect(model, k);
	// Everyone counted in a group answered the question, so each of them is a valid response.
	const rows = groups.map((g, i) => {
		const collected = shown(values[i], hidden[i]);
		return row(String(g.code), g.label, letters.get(g.code) ?? null, collected, collected);
	});
	rows.push(row(NO_GROUP, '不明（無回答など）', null, shown(unknown, hidden[groups.length]), null));
	return { key, label: v.label, rows, hiding: hidden.some(Boolean) };
}

const NOTE_VALID = '有効回収数：1 問以上に読み取れる回答がある回答票の数（白紙や、すべての回答が不明の回答票を除く）';

/** The rates as CSV rows: one datum a cell, rates in percent to one decimal, hidden counts as the hidden mark. */
export function responseRateRows(r: ResponseRates, title: string, hiddenMark: string, legend: string): (string | number)[][] {
	const cell = (n: number | null, hidden: boolean) => (hidden ? hiddenMark : n === null ? '' : n);
	const pct = (p: number | null, n: number | null) => (n === null ? hiddenMark : p === null ? '' : Math.round(p * 10) / 10);
	const line = (group: string, x: RateRow, valid = true) => [
		group,
		x.label,
		cell(x.distributed, false),
		cell(x.collected, x.collected === null),
		pct(x.rate, x.collected),
		valid ? cell(x.valid, x.valid === null) : '',
		valid ? pct(x.validRate, x.valid) : ''
	];
	const rows: (string | number)[][] = [
		[`配布数と回収率：${title}`],
		['区分', '項目', '配布数', '回収数', '回収率（％）', '有効回収数', '有効回収率（％）'],
		line('全体', r.total),
		...r.channels.map((c) => line('回答方法', c))
	];
	if (r.groups) {
		const g = r.groups;
		rows.push(...g.rows.map((x) => line(`抽出の層：${g.key} ${g.label}`, x, x.key !== NO_GROUP)));
	}
	rows.push(
		[],
		[`配布数：招待コードを発行した案内状 ${r.withCodes} 通（無効にしたコードを除く）、招待コードなしで配布した ${r.withoutCodes} 通`],
		[NOTE_VALID],
		[`回収数：合成データ（デモ用）${r.synthetic} 件を除く`]
	);
	if (r.groups) rows.push([`抽出の層ごとの回収数は、回答者が答えた「${r.groups.label}」による（答えていない回答は不明）`]);
	if (r.groups?.hiding) rows.push([legend]);
	return rows;
}
