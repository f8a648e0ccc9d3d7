// The R script and the SPSS syntax of a survey's wide CSV, as the data page downloads them:
// named after the CSV of the same day, written from the newest published questionnaire, with
// the weight when the survey has one.
import type { DB } from './db';
import * as surveys from './surveys';
import { surveyDay } from './today';
import { exportFileName } from './data-export';
import { hasWeights } from './export-weights';
import { wideVariables } from '$lib/survey/wide-variables';
import { rScript, type ScriptSource } from './r-script';
import { spssSyntax } from './spss-syntax';

export function scriptSource(db: DB, surveyId: number, extension: 'R' | 'sps', now = new Date()): ScriptSource {
	const survey = surveys.getById(db, surveyId)!;
	const { newest } = surveys.publishedDocuments(db, surveyId);
	return {
		title: newest.title.ja,
		csvFile: exportFileName(survey.slug, 'wide', 'utf8bom', now),
		scriptFile: exportFileName(survey.slug, 'wide', 'utf8bom', now, extension),
		variables: wideVariables(newest, hasWeights(db, surveyId)),
		day: surveyDay(now)
	};
}

export function statisticsScript(db: DB, surveyId: number, format: 'r' | 'sps', now = new Date()): { name: string; text: string } {
	const source = scriptSource(db, surveyId, format === 'r' ? 'R' : 'sps', now);
	return { name: source.scriptFile, text: format === 'r' ? rScript(source) : spssSyntax(source) };
}
