// Weighting (analysts): population margins by age group, sex and district (and joint margins
// such as age × sex) from a CSV, the raking weights computed from them, how far the sample was
// from the population, and the optional trimming of extreme weights.
import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { resultsContext } from '$lib/server/results-page';
import { analystSurvey } from '$lib/server/survey-guard';
import * as weighting from '$lib/server/analytics/weighting';
import * as surveys from '$lib/server/surveys';
import { readMargins, MARGIN_COLUMNS, marginCode } from '$lib/analytics/margins';
import { marginTable } from '$lib/analytics/weight-shares';
import { uploadedText } from '$lib/server/csv/encoding';
import { readForm, readUpload, STAFF_FORM, text, uploadTooLarge } from '$lib/server/form-body';
import { effectiveN } from '$lib/analytics/frequencies';
import type { CodeVariable } from '$lib/analytics/dataset';

const optionLabel = (v: CodeVariable, code: number) => v.options.find((o) => o.code === code)?.label.ja ?? String(code);

export const load: PageServerLoad = async (event) => {
	const { survey, data, view } = await resultsContext(event);
	const source = weighting.source(db(), survey.id);
	const laid = weighting.datasetMargins(weighting.margins(db(), survey.id), data);
	// Computed with the dataset when the margins were saved: not again here.
	const result = data.weighting;
	const weights = data.weights;
	// Per margin: each category's share in the population, among the respondents and with weights.
	const questions = laid.map((m) => {
		const shares = marginTable(m.column.categories, m.rows.map((r) => r.population), weights);
		return {
			key: m.questionKey,
			joint: m.variables.length > 1,
			headings: m.variables.map((v) => ({ key: v.key, label: v.label })),
			label: m.variables.map((v) => v.label).join(' × '),
			categories: m.rows.map((r, k) => ({
				code: marginCode(r),
				labels: m.variables.map((v, part) => optionLabel(v, part ? r.code2! : r.code)),
				...shares.rows[k]
			})),
			unknown: shares.unknown
		};
	});
	let min = Infinity;
	let max = 0;
	for (const w of weights ?? []) (min = Math.min(min, w)), (max = Math.max(max, w));
	return {
		...view,
		source,
		questions,
		summary:
			result && weights
				? {
						effectiveN: effectiveN(weights, weights.keys()),
						min,
						max,
						iterations: result.iterations,
						converged: result.converged,
						maxError: result.maxError,
						trimming: result.trimming ?? null
					}
				: undefined,
		columns: MARGIN_COLUMNS
	};
};

const MAX = 1_000_000;

/** A bound typed as a multiple of the mean weight: null when blank, NaN when unreadable. */
function bound(typed: string): number | null {
	const half = typed.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
	if (!half) return null;
	return /^(\d+(\.\d*)?|\.\d+)$/.test(half) ? Number(half) : NaN;
}

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
		const result = readMargins(doc, await uploadedText(file));
		if (!result.ok) return fail(400, { problems: result.problems, note });
		const joint = result.margins.filter((m) => m.code2 !== undefined).length;
		db().transaction(() => {
			weighting.saveMargins(db(), survey.id, result.margins, note);
			audit.record(db(), user, 'weights.save', `survey:${survey.slug}`, { rows: result.margins.length, joint, note });
		})();
		redirect(303, `/admin/results/${survey.id}/weights?saved=1`);
	},
	trim: async (event) => {
		const { user, survey } = analystSurvey(event);
		const form = await readForm(event.request, STAFF_FORM);
		const typed = { upper: text(form, 'upper').slice(0, 20), lower: text(form, 'lower').slice(0, 20) };
		const upper = bound(typed.upper);
		const lower = bound(typed.lower);
		const trimProblems: string[] = [];
		if (upper !== null && !(upper > 1 && upper <= 1000)) trimProblems.push('上限は 1 より大きい数で書いてください（例：5 は平均の 5 倍）。');
		if (lower !== null && !(lower > 0 && lower < 1)) trimProblems.push('下限は 0 より大きく 1 より小さい数で書いてください（例：0.2 は平均の 0.2 倍）。');
		if (trimProblems.length) return fail(400, { trimProblems, ...typed });
		const saved = db().transaction(() => {
			if (!weighting.saveTrimming(db(), survey.id, { upper, lower })) return false;
			audit.record(db(), user, 'weights.trim', `survey:${survey.slug}`, { upper, lower });
			return true;
		})();
		if (!saved) return fail(400, { trimProblems: ['先に人口の表を読み込んでください。'], ...typed });
		redirect(303, `/admin/results/${survey.id}/weights?trimmed=1`);
	},
	clear: async (event) => {
		const { user, survey } = analystSurvey(event);
		db().transaction(() => {
			weighting.clearMargins(db(), survey.id);
			audit.record(db(), user, 'weights.clear', `survey:${survey.slug}`);
		})();
		redirect(303, `/admin/results/${survey.id}/weights`);
	}
};
