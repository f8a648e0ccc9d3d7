// Variables computed from the answers and added to a dataset, so that filters, tables and
// cross-tabs treat them like any question: the persona, the digital-maturity index level
// (with "not assessed" as its own category), each index area's level, and the 0–100 score.
import type { Answers } from '$lib/survey/answers';
import type { MaturityIndex } from '$lib/survey/schema';
import { addDerived, codesOf, conditionMask, derivedCodeVariable, UNREADABLE, VALID, type Dataset, type NumberVariable, type Variable } from './dataset';
import { conditionKeys, maturityIndex, scoreTable } from './maturity-index';
import { PERSONA_KEY, PERSONA_LABEL, PERSONA_QUESTIONS, PERSONAS } from './personas';

export const AREA_LEVELS = [
	{ code: 0, label: 'なし' },
	{ code: 1, label: '基本' },
	{ code: 2, label: '基本以上' }
];

/** Index levels as codes: 1 is the first level the index lists (the best), as indicators use them. */
export const levelCode = (index: MaturityIndex, key: string) => index.levels.findIndex((l) => l.key === key) + 1;
export const notAssessedCode = (index: MaturityIndex) => index.levels.length + 1;
/** Respondents with a blank or unreadable answer the index needs: held as 不明 of the level, under this name. */
export const INCOMPLETE_LABEL = '判定不能（未回答あり）';
export const scoreKey = (index: MaturityIndex) => `${index.key}_SCORE`;
export const areaKey = (index: MaturityIndex, area: string) => `${index.key}.${area}`;


/** The answers of response i to some questions, as the survey code sees them. */
function answersAt(data: Dataset, keys: string[], i: number): Answers {
	const answers: Answers = {};
	for (const key of keys) {
		const v = data.byKey.get(key);
		if (!v || v.state[i] !== VALID) continue;
		if (v.kind === 'code') answers[key] = v.codes[i];
		else if (v.kind === 'multi') answers[key] = codesOf(v, i);
		else if (v.kind === 'number') answers[key] = v.values[i];
	}
	return answers;
}

/**
 * Starts a derived variable from its values in an earlier dataset of the same responses and
 * more: each is computed from one response's own answers, so only the new ones need computing.
 */
function carry(v: Variable, previous: Dataset | undefined): void {
	const o = previous?.byKey.get(v.key);
	if (!o || o.kind !== v.kind) return;
	v.state.set(o.state);
	if (v.kind === 'code' && o.kind === 'code') v.codes.set(o.codes);
	if (v.kind === 'number' && o.kind === 'number') v.values.set(o.values);
}

function* addIndex(data: Dataset, index: MaturityIndex, previous: Dataset | undefined): Generator<void> {
	const scores = scoreTable(data.doc);
	const keys = [...new Set([...index.areas.map((a) => a.question), ...conditionKeys(index.notAssessedIf)])];
	const level = derivedCodeVariable(data, index.key, index.name.ja, [
		...index.levels.map((l) => ({ code: levelCode(index, l.key), label: l.label.ja })),
		{ code: notAssessedCode(index), label: '評価対象外（インターネット非利用）' }
	]);
	level.unreadableLabel = INCOMPLETE_LABEL;
	const areas = index.areas.map((a) => derivedCodeVariable(data, areaKey(index, a.key), `${index.name.ja}：${a.label.ja}`, AREA_LEVELS));
	const score: NumberVariable = {
		key: scoreKey(index),
		label: `${index.name.ja}（0〜100点）`,
		kind: 'number',
		question: { key: scoreKey(index), type: 'number', label: { ja: `${index.name.ja}（0〜100点）` }, min: 0, max: 100 },
		values: new Float64Array(data.size),
		state: new Uint8Array(data.size),
		texts: new Map()
	};
	/** Those the index judges at all (not excluded): its areas and score apply to them. */
	const judged = new Uint8Array(data.size);
	for (const v of [level, score, ...areas]) carry(v, previous);
	const judgedBefore = previous?.shown.get(score.key);
	if (judgedBefore) judged.set(judgedBefore);
	for (let i = judgedBefore ? previous!.size : 0; i < data.size; i++) {
		if (i % STEP === STEP - 1) yield;
		const r = maturityIndex(index, answersAt(data, keys, i), scores);
		if (!r.assessed && r.reason === 'excluded') {
			level.state[i] = VALID;
			level.codes[i] = notAssessedCode(index);
			continue;
		}
		judged[i] = 1;
		index.areas.forEach((a, n) => {
			const l = r.areas[a.key];
			if (l === undefined) return;
			areas[n].state[i] = VALID;
			areas[n].codes[i] = l;
		});
		if (!r.assessed) {
			// 判定不能: counted apart, outside the levels' shares and the mean.
			level.state[i] = UNREADABLE;
			continue;
		}
		level.state[i] = VALID;
		level.codes[i] = levelCode(index, r.level);
		score.state[i] = VALID;
		score.values[i] = r.score;
	}
	addDerived(data, level);
	// The score and the areas apply to those the index judges; the score is given to those fully assessed.
	for (const v of [score, ...areas]) addDerived(data, v, judged);
}

function addPersona(data: Dataset, previous: Dataset | undefined): void {
	if (!PERSONA_QUESTIONS.every((k) => data.byKey.has(k))) return;
	const v = derivedCodeVariable(data, PERSONA_KEY, PERSONA_LABEL, PERSONAS);
	carry(v, previous);
	const from = previous?.byKey.has(v.key) ? previous.size : 0;
	// Only those who said their age group can be placed.
	const known = conditionMask(data, { all: [{ question: 'F1', op: 'answered' }] }, from);
	const masks = PERSONAS.map((p) => conditionMask(data, p.condition, from));
	for (let i = from; i < data.size; i++) {
		if (!known[i]) continue;
		const n = masks.findIndex((m) => m[i] === 1);
		v.state[i] = VALID;
		v.codes[i] = PERSONAS[n].code;
	}
	addDerived(data, v);
}

/** Responses computed between two pauses, when the caller takes them (see addDerivedInSteps). */
const STEP = 5000;

function* derive(data: Dataset, previous?: Dataset): Generator<void> {
	if (data.doc.index) yield* addIndex(data, data.doc.index, previous);
	addPersona(data, previous);
}

/** Adds the derived variables; given the dataset this one was copied from, computes only the responses added since. */
export function addDerivedVariables(data: Dataset, previous?: Dataset): Dataset {
	for (const _ of derive(data, previous));
	return data;
}

/** The same, pausing every few thousand responses so a server can answer others meanwhile. */
export async function addDerivedInSteps(data: Dataset, pause: () => Promise<void>): Promise<Dataset> {
	for (const _ of derive(data)) await pause();
	return data;
}
