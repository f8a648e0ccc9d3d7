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
import { readForm, readUpload, STAFF_FORM, uploadTooLarge } from '$lib/server/form-body';
import { file, formObject, optionalDecimal, parseForm, text } from '$lib/server/form-schema';
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

/** The population table (a CSV file) and where its figures come from. */
const marginsForm = formObject({
	file: file({ message: 'ファイルを選んでください。', maxBytes: MAX, tooLarge: 'ファイルが大きすぎます（1 MB まで）。' }),
	note: text({ clip: 200 })
});

const UPPER = '上限は 1 より大きい数で書いてください（例：5 は平均の 5 倍）。';
const LOWER = '下限は 0 より大きく 1 より小さい数で書いてください（例：0.2 は平均の 0.2 倍）。';

/** The trimming bounds, as multiples of the mean weight (５ and ０．２ too); blank for none. */
const trimForm = formObject({
	upper: optionalDecimal({ message: UPPER }).refine((n) => n === null || (n > 1 && n <= 1000), { error: UPPER }),
	lower: optionalDecimal({ message: LOWER }).refine((n) => n === null || (n > 0 && n < 1), { error: LOWER })
});

export const actions: Actions = {
	save: async (event) => {
		const { user, survey } = analystSurvey(event);
		const data = await readUpload(event.request);
		if (!data) return fail(413, { problems: [{ row: 0, column: '', message: uploadTooLarge() }], note: '' });
		const margins = parseForm(data, marginsForm);
		const { note } = margins.typed;
		if (!margins.ok) return fail(400, { problems: margins.problems.map((message) => ({ row: 0, column: '', message })), note });
		const doc = surveys.publishedVersion(db(), survey.publishedVersionId!)!;
		const result = readMargins(doc, await uploadedText(margins.value.file));
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
		const form = parseForm(await readForm(event.request, STAFF_FORM), trimForm);
		// Shown again as typed, no longer than the page's boxes take.
		const typed = { upper: form.typed.upper.slice(0, 20), lower: form.typed.lower.slice(0, 20) };
		if (!form.ok) return fail(400, { trimProblems: form.problems, ...typed });
		const { upper, lower } = form.value;
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
