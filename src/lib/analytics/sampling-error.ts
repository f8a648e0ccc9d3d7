// The rows of a report's 標本誤差早見表 (sampling-error table at 95 %): the survey's own number of
// respondents, each group of a grouping question (sex, by default) as its table publishes it
// (a hidden count gives no row), and a few round sizes below the total for smaller groups.
import type { Dataset } from './dataset';
import { questionTable } from './frequencies';
import { publishTable } from './published-tables';
import { isReferenceOnly } from './disclosure';
import { NO_FILTERS, select } from './selection';
import { samplingErrorTable } from './intervals';

export interface SamplingErrorRow {
	label: string;
	n: number;
	/** The error in points at p = 10 % (90 %), 20 % (80 %), 30 % (70 %), 40 % (60 %) and 50 %. */
	margins: number[];
}

/** Round group sizes printed under the survey's own rows, for reading any smaller base. */
export const ROUND_SIZES = [1000, 500, 300, 100, 50] as const;
export const ROUND_LABEL = '（目安）';

export function samplingErrorRows(data: Dataset, k: number, groupKey = 'F2'): SamplingErrorRow[] {
	const rows = [{ label: '回答者全体', n: data.size }];
	const by = data.byKey.get(groupKey);
	if (by && by.kind === 'code') {
		const all = select(data, NO_FILTERS);
		const published = publishTable(questionTable(data, by, all), k, all.length);
		for (const c of published.categories) if (!c.missing && c.n !== null && !isReferenceOnly(c.n)) rows.push({ label: c.label, n: c.n });
	}
	for (const n of ROUND_SIZES) if (n < data.size) rows.push({ label: ROUND_LABEL, n });
	return samplingErrorTable(rows);
}
