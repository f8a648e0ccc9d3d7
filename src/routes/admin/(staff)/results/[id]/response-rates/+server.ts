// The survey's 配布数・回収数・回収率 as CSV (UTF-8 with BOM, or Shift_JIS), small groups hidden
// as on the page; audited like the other downloads of aggregate tables.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { resultsContext } from '$lib/server/results-page';
import { responseRatesOf } from '$lib/server/analytics/response-rates';
import { responseRateRows } from '$lib/analytics/response-rates';
import { HIDDEN_MARK, hiddenLegend } from '$lib/analytics/disclosure';
import { csvText } from '$lib/csv';
import { encoder, notInCp932 } from '$lib/server/csv/encoding';
import { surveyDay } from '$lib/server/today';

export const GET: RequestHandler = async (event) => {
	const { user, survey, data, doc } = await resultsContext(event);
	const rates = responseRatesOf(db(), survey, data);
	const csv = csvText(responseRateRows(rates, doc.title.ja, HIDDEN_MARK, hiddenLegend(survey.minCellSize)));
	const sjis = event.url.searchParams.get('encoding') === 'cp932';
	if (sjis && notInCp932(csv).length) error(409, `Shift_JIS で表せない文字（${notInCp932(csv).join(' ')}）があります。UTF-8 を選んでください。`);
	const { start, encode } = encoder(sjis ? 'cp932' : 'utf8bom');
	audit.record(db(), user, 'export.response-rates', `survey:${survey.slug}`, { encoding: sjis ? 'cp932' : 'utf8bom' });
	return new Response(Buffer.concat([start, encode(csv)]), {
		headers: {
			'content-type': `text/csv; charset=${sjis ? 'shift_jis' : 'utf-8'}`,
			'content-disposition': `attachment; filename="${survey.slug}_response_rates_${surveyDay()}${sjis ? '_sjis' : ''}.csv"`
		}
	});
};
