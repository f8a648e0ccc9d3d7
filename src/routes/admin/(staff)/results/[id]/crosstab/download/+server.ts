// The current cross-tab as CSV (UTF-8 with BOM, or Shift_JIS), suppression applied; audited.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { resultsContext } from '$lib/server/results-page';
import { crossTabRows, requestedCrossTab } from '$lib/server/analytics/crosstab-view';
import { choices, describeFilters } from '$lib/analytics/selection';
import { CHANNEL_NAMES } from '$lib/analytics/labels';
import { csvText } from '$lib/csv';
import { encoder, notInCp932 } from '$lib/server/csv/encoding';
import { surveyDay } from '$lib/server/today';

export const GET: RequestHandler = async (event) => {
	const { user, survey, data, filters } = await resultsContext(event);
	const table = requestedCrossTab(data, event.url.searchParams, filters, survey.minCellSize);
	if (!table) error(404, 'クロス集計できる設問がありません。');
	const note = describeFilters(choices(data), filters, CHANNEL_NAMES);
	const csv = csvText(crossTabRows(table, note ? `絞り込み：${note}` : ''));
	const sjis = event.url.searchParams.get('encoding') === 'cp932';
	if (sjis && notInCp932(csv).length) error(409, `Shift_JIS で表せない文字（${notInCp932(csv).join(' ')}）があります。UTF-8 を選んでください。`);
	const { start, encode } = encoder(sjis ? 'cp932' : 'utf8bom');
	const body = Buffer.concat([start, encode(csv)]);
	audit.record(db(), user, 'export.crosstab', `survey:${survey.slug}`, { of: table.of.key, by: table.by.key, filters: note });
	return new Response(body, {
		headers: {
			'content-type': `text/csv; charset=${sjis ? 'shift_jis' : 'utf-8'}`,
			'content-disposition': `attachment; filename="${survey.slug}_crosstab_${table.of.key}_by_${table.by.key}_${surveyDay()}${sjis ? '_sjis' : ''}.csv"`
		}
	});
};
