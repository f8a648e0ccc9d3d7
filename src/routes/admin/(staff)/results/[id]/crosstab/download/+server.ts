// The current cross-tab as CSV (UTF-8 with BOM, or Shift_JIS) or as an Excel workbook (one
// table to a sheet), from the same rows, suppression applied; audited.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { resultsContext } from '$lib/server/results-page';
import { crossTabRows, crossTabSheets, requestedCrossTab } from '$lib/server/analytics/crosstab-view';
import { choices, describeFilters } from '$lib/analytics/selection';
import { CHANNEL_NAMES } from '$lib/analytics/labels';
import { csvText } from '$lib/csv';
import { encoder, notInCp932 } from '$lib/server/csv/encoding';
import { surveyDay } from '$lib/server/today';
import { XLSX_TYPE, xlsxStream } from '$lib/server/xlsx';

export const GET: RequestHandler = async (event) => {
	const { user, survey, data, filters } = await resultsContext(event);
	const table = requestedCrossTab(data, event.url.searchParams, filters, survey.minCellSize);
	if (!table) error(404, 'クロス集計できる設問がありません。');
	const note = describeFilters(choices(data), filters, CHANNEL_NAMES);
	const filterNote = note ? `絞り込み：${note}` : '';
	const xlsx = event.url.searchParams.get('format') === 'xlsx';
	const sjis = !xlsx && event.url.searchParams.get('encoding') === 'cp932';
	const name = `${survey.slug}_crosstab_${table.of.key}_by_${table.by.key}_${surveyDay()}${sjis ? '_sjis' : ''}.${xlsx ? 'xlsx' : 'csv'}`;
	const csv = xlsx ? '' : csvText(crossTabRows(table, filterNote));
	if (sjis && notInCp932(csv).length) error(409, `Shift_JIS で表せない文字（${notInCp932(csv).join(' ')}）があります。UTF-8 を選んでください。`);
	audit.record(db(), user, 'export.crosstab', `survey:${survey.slug}`, { of: table.of.key, by: table.by.key, filters: note, ...(xlsx ? { format: 'xlsx' } : {}) });
	const { start, encode } = encoder(sjis ? 'cp932' : 'utf8bom');
	const widths = [24, ...table.columns.map(() => 14), 14, 10];
	const body = xlsx ? xlsxStream(crossTabSheets(table, filterNote).map((s) => ({ ...s, widths }))) : Buffer.concat([start, encode(csv)]);
	return new Response(body, {
		headers: {
			'content-type': xlsx ? XLSX_TYPE : `text/csv; charset=${sjis ? 'shift_jis' : 'utf-8'}`,
			'content-disposition': `attachment; filename="${name}"`
		}
	});
};
