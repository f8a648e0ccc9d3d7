// The survey's published tables as open data, CSV (UTF-8 with a BOM, a header row): 404 unless
// its results are public.
import type { RequestHandler } from './$types';
import { openData } from '$lib/server/open-data';
import { OPEN_DATA_COLUMNS, openDataRows } from '$lib/analytics/open-data';
import { toCsv } from '$lib/csv';

export const GET: RequestHandler = async ({ params }) => {
	const { survey, tables } = await openData(params.slug);
	return new Response(toCsv(OPEN_DATA_COLUMNS, openDataRows(survey, tables)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `inline; filename="${survey.slug}_tables.csv"`,
			'access-control-allow-origin': '*'
		}
	});
};
