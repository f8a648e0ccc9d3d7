// Writes a `showIf` condition in words, for residents who see every question at once (no
// JavaScript, paper): 「D2で「ほとんど使わない」「使ったことがない」と答えた方」.
import type { Clause, Condition, Language, Question, Questionnaire } from './schema';
import { isClause } from './conditions';
import { t } from './messages';

const words = {
	ja: {
		chose: (q: string, labels: string) => `${q}で${labels}と答えた方`,
		notChose: (q: string, labels: string) => `${q}で${labels}以外を答えた方`,
		answered: (q: string) => `${q}に答えた方`,
		notAnswered: (q: string) => `${q}に答えていない方`,
		compare: (q: string, op: string, v: number) =>
			`${q}で${v}${{ gt: 'より大きい', gte: '以上の', lt: 'より小さい', lte: '以下の' }[op]}値を答えた方`,
		and: '、かつ',
		or: '、または',
		quote: (s: string) => `「${s}」`
	},
	easy: {
		chose: (q: string, labels: string) => `${q}で ${labels}を えらんだ ひと`,
		notChose: (q: string, labels: string) => `${q}で ${labels}を えらばなかった ひと`,
		answered: (q: string) => `${q}に こたえた ひと`,
		notAnswered: (q: string) => `${q}に こたえなかった ひと`,
		compare: (q: string, op: string, v: number) =>
			`${q}で ${v}${{ gt: 'より おおきい', gte: 'いじょう', lt: 'より ちいさい', lte: 'いか' }[op]}を えらんだ ひと`,
		and: '、そして',
		or: '、または',
		quote: (s: string) => `「${s}」`
	},
	en: {
		chose: (q: string, labels: string) => `you answered ${labels} to ${q}`,
		notChose: (q: string, labels: string) => `you did not answer ${labels} to ${q}`,
		answered: (q: string) => `you answered ${q}`,
		notAnswered: (q: string) => `you did not answer ${q}`,
		compare: (q: string, op: string, v: number) =>
			`your answer to ${q} was ${{ gt: 'more than', gte: 'at least', lt: 'less than', lte: 'at most' }[op]} ${v}`,
		and: ', and ',
		or: ', or ',
		quote: (s: string) => `“${s}”`
	}
};

function describeClause(clause: Clause, byKey: Map<string, Question>, lang: Language, style: Style, names?: ReadonlyMap<string, string>): string {
	const w = words[lang];
	const q = byKey.get(clause.question);
	const called = names?.get(clause.question) ?? clause.question;
	const name = clause.row ? `${called}（${rowLabel(q, clause.row, lang)}）` : called;
	const labels = (codes: number[]) =>
		style === 'codes'
			? codes.join(lang === 'en' ? ' or ' : '・')
			: codes
			.map((code) => {
				const option = q && 'options' in q ? q.options.find((o) => o.code === code) : undefined;
				return w.quote(option ? t(option.label, lang) : String(code));
			})
			.join(lang === 'en' ? ' or ' : '');
	switch (clause.op) {
		case 'equals':
			return w.chose(name, labels([clause.value!]));
		case 'oneOf':
			return w.chose(name, labels(clause.values!));
		case 'noneOf':
			return w.notChose(name, labels(clause.values!));
		case 'answered':
			return w.answered(name);
		case 'notAnswered':
			return w.notAnswered(name);
		default:
			return w.compare(name, clause.op, clause.value!);
	}
}

function rowLabel(q: Question | undefined, row: string, lang: Language): string {
	const found = q?.type === 'matrix' ? q.rows.find((r) => r.key === row) : undefined;
	return found ? t(found.label, lang) : row;
}

/** labels: 「ほとんど使わない」; codes: 4・5 (for paper, where codes are printed by the choices). */
type Style = 'labels' | 'codes';

/** `names`: what residents call each question (問1…); by default its key, as staff know it. */
export function describeCondition(doc: Questionnaire, condition: Condition, lang: Language, style: Style = 'labels', names?: ReadonlyMap<string, string>): string {
	const byKey = new Map(doc.sections.flatMap((s) => s.questions.map((q) => [q.key, q])));
	const walk = (c: Condition): string => {
		const items = 'all' in c ? c.all : c.any;
		const joiner = 'all' in c ? words[lang].and : words[lang].or;
		return items
			.map((item: Clause | Condition) => (isClause(item) ? describeClause(item, byKey, lang, style, names) : walk(item)))
			.join(joiner);
	};
	return walk(condition);
}
