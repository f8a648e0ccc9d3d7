// Tables safe to publish to residents: every question except free text, with each count under
// k hidden (and a second one wherever the base would reveal it, as official statistics do),
// a base under k shown as a count only, bases under 30 marked 参考値, means only from k values.
import type { QuestionTable } from './frequencies';
import { isReferenceOnly, publishableMask } from './suppression';

export interface PublicRow {
	label: string;
	/** null when hidden. */
	n: number | null;
	percent: number | null;
}

export interface PublicTable {
	key: string;
	label: string;
	rowLabel?: string;
	type: string;
	base: number;
	multiple: boolean;
	reference: boolean;
	/** The whole table is withheld: fewer than k answered. */
	withheld: boolean;
	rows: PublicRow[];
	mean?: number;
}

export function publicTable(t: QuestionTable, k: number): PublicTable {
	const bins = t.histogram?.map((b) => ({ label: `${b.from}〜${b.to}未満`, n: b.n }));
	const cats = [...(bins ?? t.categories.filter((c) => c.code !== '回答あり')), ...(bins ? t.categories.slice(-2) : [])].map((c) => ({ label: c.label, n: c.n }));
	const withheld = t.base < k;
	const hidden = publishableMask(cats.map((c) => c.n), t.base, k);
	return {
		key: t.key ?? t.question.key,
		label: t.question.label.ja,
		rowLabel: t.row?.label,
		type: t.question.type,
		base: t.base,
		multiple: !!t.multiple,
		reference: isReferenceOnly(t.base),
		withheld,
		rows: cats.map((c, i) => ({
			label: c.label,
			n: hidden[i] ? null : c.n,
			percent: hidden[i] || !t.base ? null : Math.round((c.n / t.base) * 1000) / 10
		})),
		mean: t.summary && t.summary.n >= k && !withheld ? Math.round(t.summary.mean * 100) / 100 : undefined
	};
}

export function publicTables(tables: QuestionTable[], k: number): PublicTable[] {
	return tables.filter((t) => t.question.type !== 'text' && t.question.type !== 'longtext').map((t) => publicTable(t, k));
}
