// Weighting (analysts): population margins by age group, sex and district from a CSV, the
// raking weights computed from them, and how far the sample was from the population.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { resultsContext } from '$lib/server/results-page';
import { analystSurvey } from '$lib/server/survey-guard';
import * as weighting from '$lib/server/analytics/weighting';
import * as surveys from '$lib/server/surveys';
import { readMargins, MARGIN_COLUMNS } from '$lib/analytics/margins';
import { decodeUpload } from '$lib/server/csv/encoding';
import { readUpload, uploadTooLarge } from '$lib/server/form-body';
import { effectiveN } from '$lib/analytics/frequencies';
import { VALID } from '$lib/analytics/dataset';

export const load: PageServerLoad = async (event) => {
	const { survey, data, view } = await resultsContext(event);
	const margins = weighting.margins(db(), survey.id);
	// Per margin question: each category's share in the sample and in the population, and the mean weight.
	const questions = [...new Set(margins.map((m) => m.questionKey))].map((key) => {
		const v = data.byKey.get(key);
		const rows = margins.filter((m) => m.questionKey === key);
		const population = rows.reduce((s, m) => s + m.population, 0);
		const known = new Map<number, { n: number; w: number }>();
		let total = 0;
		if (v?.kind === 'code')
			for (let i = 0; i < data.size; i++)
				if (v.state[i] === VALID && rows.some((m) => m.code === v.codes[i])) {
					const e = known.get(v.codes[i]) ?? { n: 0, w: 0 };
					e.n++;
					e.w += data.weights?.[i] ?? 1;
					known.set(v.codes[i], e);
					total++;
				}
		return {
			key,
			label: v?.label ?? key,
			categories: rows.map((m) => ({
				code: m.code,
				label: v?.kind === 'code' ? (v.options.find((o) => o.code === m.code)?.label.ja ?? String(m.code)) : String(m.code),
				population: m.population,
				populationShare: (m.population / population) * 100,
				sampleShare: total ? ((known.get(m.code)?.n ?? 0) / total) * 100 : 0,
				weightedShare: total ? ((known.get(m.code)?.w ?? 0) / total) * 100 : 0
			}))
		};
	});
	let min = Infinity;
	let max = 0;
	for (const w of data.weights ?? []) (min = Math.min(min, w)), (max = Math.max(max, w));
	return {
		...view,
		source: weighting.source(db(), survey.id),
		questions,
		summary: data.weights ? { effectiveN: effectiveN(data.weights, data.weights.keys()), min, max } : undefined,
		columns: MARGIN_COLUMNS
	};
};

const MAX = 1_000_000;

export const actions: Actions = {
	save: async (event) => {
		const { user, survey } = analystSurvey(event);
		const form = await readUpload(event.request);
		if (!form) return fail(413, { problems: [{ row: 0, column: '', message: uploadTooLarge() }], note: '' });
		const file = form.get('file');
		const note = String(form.get('note') ?? '').trim().slice(0, 200);
		if (!(file instanceof File) || file.size === 0) return fail(400, { problems: [{ row: 0, column: '', message: 'ファイルを選んでください。' }], note });
		if (file.size > MAX) return fail(400, { problems: [{ row: 0, column: '', message: 'ファイルが大きすぎます（1 MB まで）。' }], note });
		const doc = surveys.publishedVersion(db(), survey.publishedVersionId!)!;
		const result = readMargins(doc, decodeUpload(new Uint8Array(await file.arrayBuffer())));
		if (!result.ok) return fail(400, { problems: result.problems, note });
		weighting.saveMargins(db(), survey.id, result.margins, note);
		audit.record(db(), user, 'weights.save', `survey:${survey.slug}`, { rows: result.margins.length, note });
		redirect(303, `/admin/results/${survey.id}/weights?saved=1`);
	},
	clear: async (event) => {
		const { user, survey } = analystSurvey(event);
		weighting.clearMargins(db(), survey.id);
		audit.record(db(), user, 'weights.clear', `survey:${survey.slug}`);
		redirect(303, `/admin/results/${survey.id}/weights`);
	}
};
