// The survey's published tables as open data, JSON (UTF-8), with the survey and its licence:
// 404 unless its results are public.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { openData } from '$lib/server/open-data';
import { openDataJson } from '$lib/analytics/open-data';

export const GET: RequestHandler = async ({ params }) => {
	const { survey, tables } = await openData(params.slug);
	return json(openDataJson(survey, tables), { headers: { 'access-control-allow-origin': '*' } });
};
