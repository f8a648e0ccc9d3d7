// Validates a questionnaire document and returns every problem with its place (places.ts words
// it) and a reason in Japanese (staff read these in the designer and in import reports). The zod schema checks the
// shape; the rules below check what a shape cannot: unique keys and codes, conditions that
// only look back at earlier questions, sensible ranges.
import type { z } from 'zod';
import {
	ConditionSchema,
	QuestionnaireSchema,
	type Clause,
	type Condition,
	type Question,
	type Questionnaire
} from './schema';
import { isClause } from './conditions';
import { describePlace, LANGUAGE_NAMES, placeOf, type Place, type PlacedProblem } from './places';

export type Problem = PlacedProblem;

export type CheckResult = { ok: true; doc: Questionnaire } | { ok: false; problems: Problem[] };

/** A path into the document, as zod gives one. */
type Path = readonly PropertyKey[];

function describeIssue(issue: z.core.$ZodIssue): string {
	const last = issue.path[issue.path.length - 1];
	const missingText =
		issue.code === 'invalid_type' && issue.input === undefined && (last === 'ja' || last === 'label' || last === 'title');
	if (issue.message === 'ja' || missingText) return '日本語の文言がありません。';
	const language = placeOf(issue.path).language;
	if (!language) return describeShape(issue);
	if (issue.code === 'too_small' && issue.origin === 'string') return `${LANGUAGE_NAMES[language]}の文言が空です。`;
	return `${LANGUAGE_NAMES[language]}の文言：${describeShape(issue)}`;
}

function describeShape(issue: z.core.$ZodIssue): string {
	if (issue.message === 'key')
		return 'キーは英字で始まり、英数字と _ だけの 32 文字以内にしてください。';
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined
				? '必要な項目がありません。'
				: `形式が正しくありません（${issue.expected} が必要です）。`;
		case 'unrecognized_keys':
			return `知らない項目があります: ${issue.keys.join(', ')}`;
		case 'invalid_union':
			return '形式が正しくありません（設問の種類や条件の書き方を確認してください）。';
		case 'invalid_value':
			return `使えない値です。使える値: ${issue.values.map(String).join(', ')}`;
		case 'too_small':
			return issue.origin === 'array'
				? `${String(issue.minimum)} 個以上必要です。`
				: `${String(issue.minimum)} 以上にしてください。`;
		case 'too_big':
			return issue.origin === 'array'
				? `${String(issue.maximum)} 個以下にしてください。`
				: `${String(issue.maximum)} 以下にしてください。`;
		default:
			return issue.message;
	}
}

/** Semantic rules over a document whose shape is already valid. */
function semanticProblems(doc: Questionnaire): Problem[] {
	const problems: Problem[] = [];
	const add = (path: Path, message: string) => problems.push({ where: placeOf(path), message });

	const seenKeys = new Map<string, Place>();
	/** A key, at the path of its owner (a section, question or matrix row). */
	const claim = (key: string, owner: Path) => {
		const first = seenKeys.get(key);
		if (first) add([...owner, 'key'], `キー「${key}」は ${describePlace(doc, first)} でも使われています。`);
		else seenKeys.set(key, placeOf(owner));
	};
	/** Questions seen so far, in order: a condition may only name these. */
	const earlier = new Map<string, Question>();

	if (!doc.languages.includes('ja')) add(['languages'], '日本語（ja）は必ず含めてください。');

	doc.sections.forEach((section, s) => {
		const sPath = ['sections', s];
		claim(section.key, sPath);
		if (section.showIf) checkCondition(section.showIf, [...sPath, 'showIf'], earlier, add);
		section.questions.forEach((q, i) => {
			const qPath = [...sPath, 'questions', i];
			claim(q.key, qPath);
			if (q.showIf) checkCondition(q.showIf, [...qPath, 'showIf'], earlier, add);
			checkQuestion(q, qPath, add, claim);
			earlier.set(q.key, q);
		});
	});

	if (doc.index) {
		doc.index.areas.forEach((area, a) => {
			const q = earlier.get(area.question);
			const path = ['index', 'areas', a, 'question'];
			if (!q) add(path, `設問「${area.question}」がありません。`);
			else if (q.type !== 'multiple') add(path, `設問「${area.question}」は複数選択ではありません。`);
			if (area.aboveBasic <= area.basic)
				add(['index', 'areas', a, 'aboveBasic'], '「基本を上回る」の基準は「基本」より大きくしてください。');
		});
		checkCondition(doc.index.notAssessedIf, ['index', 'notAssessedIf'], earlier, add);
	}
	return problems;
}

function checkQuestion(
	q: Question,
	path: Path,
	add: (path: Path, message: string) => void,
	claim: (key: string, owner: Path) => void
) {
	if ('options' in q) {
		const codes = new Set<number>();
		q.options.forEach((option, o) => {
			if (codes.has(option.code))
				add([...path, 'options', o, 'code'], `選択肢の番号 ${option.code} が重複しています。`);
			codes.add(option.code);
			if (option.exclusive && q.type !== 'multiple')
				add([...path, 'options', o, 'exclusive'], '「ほかと同時に選べない」は複数選択の設問だけで使えます。');
			if (option.other && q.type === 'matrix')
				add([...path, 'options', o, 'other'], 'マトリクスの選択肢に「その他（具体的に）」は使えません。');
		});
		if (q.options.filter((o) => o.other).length > 1)
			add([...path, 'options'], '「その他（具体的に）」は 1 つまでです。');
	}
	if (q.type === 'multiple') {
		const choosable = q.options.filter((o) => !o.exclusive).length;
		if (q.minSelect && q.maxSelect && q.minSelect > q.maxSelect)
			add([...path, 'minSelect'], '最小の選択数が最大の選択数を超えています。');
		if (q.maxSelect && q.maxSelect > choosable)
			add([...path, 'maxSelect'], `最大の選択数が選択肢の数（${choosable}）を超えています。`);
	}
	if (q.type === 'matrix') {
		if (q.rows.length === 0) add([...path, 'rows'], 'マトリクスに行がありません。');
		q.rows.forEach((row, r) => claim(row.key, [...path, 'rows', r]));
	}
	if (q.type === 'scale' && q.min >= q.max) add([...path, 'max'], '最大値は最小値より大きくしてください。');
	if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max)
		add([...path, 'max'], '最大値が最小値より小さくなっています。');
}

const numericOps = new Set(['gt', 'gte', 'lt', 'lte']);

/** Why a condition may not name a question: in a questionnaire, it must come earlier. */
const NOT_EARLIER = (key: string) =>
	`条件の設問「${key}」は、この設問より前にありません（後ろの設問や存在しない設問は条件に使えません）。`;

function checkCondition(
	condition: Condition,
	path: Path,
	earlier: Map<string, Question>,
	add: (path: Path, message: string) => void,
	unknown = NOT_EARLIER
) {
	const items = 'all' in condition ? condition.all : condition.any;
	const listPath = [...path, 'all' in condition ? 'all' : 'any'];
	items.forEach((item, i) => {
		const itemPath = [...listPath, i];
		if (isClause(item)) checkClause(item, itemPath, earlier, add, unknown);
		else checkCondition(item, itemPath, earlier, add, unknown);
	});
}

function checkClause(
	clause: Clause,
	path: Path,
	earlier: Map<string, Question>,
	add: (path: Path, message: string) => void,
	unknown: (key: string) => string
) {
	const q = earlier.get(clause.question);
	if (!q) {
		add([...path, 'question'], unknown(clause.question));
		return;
	}
	if (clause.row !== undefined) {
		if (q.type !== 'matrix') add([...path, 'row'], `設問「${q.key}」はマトリクスではないので行を指定できません。`);
		else if (!q.rows.some((r) => r.key === clause.row))
			add([...path, 'row'], `設問「${q.key}」に行「${clause.row}」はありません。`);
	} else if (q.type === 'matrix' && clause.op !== 'answered' && clause.op !== 'notAnswered') {
		add([...path, 'row'], `マトリクスの設問「${q.key}」を条件にするときは行を指定してください。`);
	}
	const isNumeric = q.type === 'number' || q.type === 'scale';
	if (numericOps.has(clause.op)) {
		if (!isNumeric) add([...path, 'op'], `大小の比較は数値か尺度の設問にだけ使えます。`);
		if (clause.value === undefined) add([...path, 'value'], '比べる値がありません。');
	}
	if (clause.op === 'equals' && clause.value === undefined)
		add([...path, 'value'], '値がありません。');
	if ((clause.op === 'oneOf' || clause.op === 'noneOf') && !clause.values)
		add([...path, 'values'], '値の一覧がありません。');
	if ('options' in q) {
		const codes = new Set(q.options.map((o) => o.code));
		const used = [...(clause.values ?? []), ...(clause.op === 'equals' && clause.value !== undefined ? [clause.value] : [])];
		for (const code of used)
			if (!codes.has(code)) add([...path, 'values'], `設問「${q.key}」に選択肢の番号 ${code} はありません。`);
	}
}

export type ConditionCheck = { ok: true; condition: Condition } | { ok: false; problems: string[] };

/**
 * Checks a condition entered apart from a questionnaire (an indicator's base): its shape by the
 * questionnaire's schema, then every clause against the questions it may name, as a question's
 * own condition is checked.
 */
export function checkStandaloneCondition(input: unknown, questions: Question[]): ConditionCheck {
	const parsed = ConditionSchema.safeParse(input);
	if (!parsed.success) return { ok: false, problems: [...new Set(parsed.error.issues.map(describeIssue))] };
	const problems: string[] = [];
	const known = new Map(questions.map((q) => [q.key, q]));
	checkCondition(parsed.data, [], known, (_, message) => problems.push(message), (key) => `設問「${key}」はどの調査票にもありません。`);
	return problems.length ? { ok: false, problems } : { ok: true, condition: parsed.data };
}

export function checkQuestionnaire(input: unknown): CheckResult {
	const parsed = QuestionnaireSchema.safeParse(input);
	if (!parsed.success) {
		return {
			ok: false,
			problems: parsed.error.issues.map((issue) => ({
				where: placeOf(issue.path),
				message: describeIssue(issue)
			}))
		};
	}
	const problems = semanticProblems(parsed.data);
	return problems.length ? { ok: false, problems } : { ok: true, doc: parsed.data };
}
