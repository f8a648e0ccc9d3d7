// Conditions as staff write them in a spreadsheet cell, and back:
//   D2 in 4,5            D2 = 1            T1.T1_2 in 1,2          F1 >= 7
//   C4 answered          G2 not in 7       any: D2 = 4; D2 = 5     all: F1 >= 7; F4 = 1
// Clauses are joined by ";" under "all:" (the default) or "any:". A condition that nests
// groups is written as its JSON instead, which is also accepted.
import type { Clause, Condition } from './schema';
import { isClause } from './conditions';

const OPS: [string, Clause['op']][] = [
	['not answered', 'notAnswered'],
	['answered', 'answered'],
	['not in', 'noneOf'],
	['in', 'oneOf'],
	['>=', 'gte'],
	['<=', 'lte'],
	['>', 'gt'],
	['<', 'lt'],
	['=', 'equals']
];
const OP_TEXT = Object.fromEntries(OPS.map(([text, op]) => [op, text])) as Record<Clause['op'], string>;

function clauseText(c: Clause): string {
	const ref = c.row ? `${c.question}.${c.row}` : c.question;
	if (c.op === 'answered' || c.op === 'notAnswered') return `${ref} ${OP_TEXT[c.op]}`;
	if (c.op === 'oneOf' || c.op === 'noneOf') return `${ref} ${OP_TEXT[c.op]} ${(c.values ?? []).join(',')}`;
	return `${ref} ${OP_TEXT[c.op]} ${c.value}`;
}

export function conditionToText(condition: Condition): string {
	const items = 'all' in condition ? condition.all : condition.any;
	if (!items.every(isClause)) return JSON.stringify(condition);
	const body = (items as Clause[]).map(clauseText).join('; ');
	return 'any' in condition ? `any: ${body}` : items.length > 1 ? `all: ${body}` : body;
}

export type ParsedCondition = { ok: true; condition: Condition } | { ok: false; message: string };

function parseClause(text: string): Clause | string {
	const m = text.trim().match(/^([A-Za-z][A-Za-z0-9_]*)(?:\.([A-Za-z][A-Za-z0-9_]*))?\s*(.*)$/);
	if (!m) return `「${text.trim()}」の設問キーが読み取れません。`;
	const [, question, row, rest] = m;
	const base = row ? { question, row } : { question };
	for (const [opText, op] of OPS) {
		const isWord = /^[a-z ]+$/.test(opText);
		const pattern = isWord ? new RegExp(`^${opText}\\b\\s*(.*)$`) : new RegExp(`^${opText.replace(/[<>=]/g, '\\$&')}\\s*(.*)$`);
		const found = rest.trim().match(pattern);
		if (!found) continue;
		const arg = found[1].trim();
		if (op === 'answered' || op === 'notAnswered') return arg ? `「${text.trim()}」の末尾が読み取れません。` : { ...base, op };
		if (op === 'oneOf' || op === 'noneOf') {
			const values = arg.split(/[,、，]/).map((v) => v.trim());
			if (!values.length || values.some((v) => !/^\d+$/.test(v)))
				return `「${text.trim()}」の選択肢の番号は、1,2 のようにカンマで区切って書いてください。`;
			return { ...base, op, values: values.map(Number) };
		}
		if (!/^-?\d+(\.\d+)?$/.test(arg)) return `「${text.trim()}」の値は数で書いてください。`;
		return { ...base, op, value: Number(arg) };
	}
	return `「${text.trim()}」の比べ方が読み取れません（=, in, not in, answered, not answered, >, >=, <, <= が使えます）。`;
}

export function textToCondition(text: string): ParsedCondition {
	const source = text.trim();
	if (source.startsWith('{')) {
		try {
			return { ok: true, condition: JSON.parse(source) as Condition };
		} catch {
			return { ok: false, message: '条件の JSON が読み取れません。' };
		}
	}
	const group = source.match(/^(all|any)\s*:\s*(.*)$/s);
	const kind = group ? (group[1] as 'all' | 'any') : 'all';
	const clauses: Clause[] = [];
	for (const part of (group ? group[2] : source).split(';')) {
		if (!part.trim()) continue;
		const parsed = parseClause(part);
		if (typeof parsed === 'string') return { ok: false, message: parsed };
		clauses.push(parsed);
	}
	if (!clauses.length) return { ok: false, message: '条件が空です。' };
	return { ok: true, condition: kind === 'all' ? { all: clauses } : { any: clauses } };
}
