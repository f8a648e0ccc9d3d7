// The R script and the SPSS syntax of the wide CSV, downloaded from their handler on a real
// temporary SQLite file and run by R (Rscript) and PSPP beside the wide CSV downloaded the same
// way: each reads it, labels it, and counts three questions (a single choice with an unreadable
// paper answer, a multiple choice, a matrix row) exactly as the app does, by their labels, and
// with the weight declared gives the app's weighted counts. Debian's r-base-core, r-cran-survey
// and pspp (.ci/run installs them).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';

const temp = await vi.hoisted(() => import('./support/temp-db').then((m) => m.useTempDatabase()));

const { db: openDb } = await import('../../src/lib/server/db');
const users = await import('../../src/lib/server/users');
const { exportSurvey } = await import('./support/export-survey');
const { staffGet } = await import('./support/staff-get');
const { dataset } = await import('../../src/lib/server/analytics/dataset-cache');
const { questionTables } = await import('../../src/lib/analytics/frequencies');
const { NO_FILTERS, select } = await import('../../src/lib/analytics/selection');
const { rScript } = await import('../../src/lib/server/r-script');
const { spssSyntax } = await import('../../src/lib/server/spss-syntax');
const { wideVariables } = await import('../../src/lib/survey/wide-variables');
const dataDownload = (await import('../../src/routes/admin/(staff)/data/[id]/download/+server')).GET;

let db: Database.Database;
let surveyId: number;
let dir: string;
const analyst = { id: 0, email: 'tokei@city.example', displayName: '統計', roles: ['analyst'], mustChangePassword: false };

beforeAll(async () => {
	db = openDb();
	analyst.id = await users.create(db, { ...analyst, roles: ['analyst'], password: 'r-to-spss-2026' });
	surveyId = exportSurvey(db);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'survey-scripts-'));
});
afterAll(() => {
	db.close();
	temp.remove();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** Downloads into the folder, under the name the download gives; that name. */
async function save(query: Record<string, string>): Promise<string> {
	const response = await staffGet(dataDownload, `/admin/data/${surveyId}/download?${new URLSearchParams(query)}`, analyst, { id: String(surveyId) });
	expect(response.status).toBe(200);
	const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')![1];
	fs.writeFileSync(path.join(dir, name), Buffer.from(await response.arrayBuffer()));
	return name;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: dir, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' }, encoding: 'utf8', timeout: 60_000 });

/** The app's counts (and weighted counts) for a variable, by label: its options and 不明, not 無回答 (an empty cell, as the files have it). */
function appCounts(key: string, option?: number): { n: Record<string, number>; w: Record<string, number> } {
	const data = dataset(db, surveyId);
	const t = questionTables(data, select(data, NO_FILTERS)).find((t) => (t.key ?? t.question.key) === key)!;
	const categories = t.categories.filter((c) => c.label !== '無回答' && (option === undefined || c.code === option));
	return {
		n: Object.fromEntries(categories.map((c) => [c.label, c.n])),
		w: Object.fromEntries(categories.map((c) => [c.label, c.w ?? NaN]))
	};
}

describe('the R script', () => {
	it('reads the wide CSV with its BOM, labels its columns and counts three questions as the app does, weighted too', async () => {
		const csv = await save({ kind: 'wide', values: 'codes', encoding: 'utf8bom' });
		const script = await save({ format: 'r' });
		expect(script).toBe(csv.replace(/\.csv$/, '.R'));
		const out = run('Rscript', [
			'-e',
			[
				// Any warning (a value the questionnaire lacks, say) fails the run.
				'options(warn = 2)',
				`source(${JSON.stringify(script)}, encoding = "UTF-8")`,
				'line <- function(...) cat(paste(..., sep = "\\t"), "\\n", sep = "")',
				'show <- function(name, t) for (k in names(t)) line(name, k, format(t[[k]], digits = 15))',
				'for (q in c("F1", "D3_7", "T1_2")) { line("label", q, attr(d[[q]], "label")); show(q, table(d[[q]])) }',
				'w <- survey::svytotal(~F1, design, na.rm = TRUE)',
				'show("wF1", setNames(as.vector(coef(w)), sub("^F1", "", names(coef(w)))))'
			].join('\n')
		]);
		const lines = out.trim().split('\n').map((l) => l.split('\t'));
		const counts = (name: string) => Object.fromEntries(lines.filter((l) => l[0] === name).map((l) => [l[1], Number(l[2])]));
		const label = (q: string) => lines.find((l) => l[0] === 'label' && l[1] === q)?.[2];

		const age = appCounts('F1');
		expect(counts('F1')).toEqual(age.n);
		expect(age.n['不明']).toBe(1);
		expect(label('F1')).toBe('あなたの年齢を教えてください。');
		// A multiple choice's option column: those who chose it; 不明 is the paper answer that could not be read.
		const reason = appCounts('D3', 7);
		expect(counts('D3_7')['選んだ']).toBe(reason.n['その他（具体的に）']);
		expect(label('D3_7')).toBe('インターネットをあまり使わない理由を、すべて選んでください。：その他（具体的に）');
		const row = appCounts('T1.T1_2');
		expect(counts('T1_2')).toEqual(row.n);
		expect(label('T1_2')).toMatch(/：/);
		// survey::svydesign(ids = ~1, weights = ~weight): the app's weighted counts.
		const weighted = counts('wF1');
		for (const [k, w] of Object.entries(age.w)) expect(weighted[k]).toBeCloseTo(w, 6);
	});
});

describe('the SPSS syntax', () => {
	it('runs in PSPP on the wide CSV written one line per response, with its labels, 不明 as missing, and the weight', async () => {
		const csv = await save({ kind: 'wide', values: 'codes', encoding: 'utf8bom', oneLine: 'on' });
		const syntax = await save({ format: 'sps' });
		expect(syntax).toBe(csv.replace(/\.csv$/, '.sps'));
		const text = fs.readFileSync(path.join(dir, syntax), 'utf8');
		expect(text).toContain('WEIGHT BY weight.');
		fs.writeFileSync(path.join(dir, 'counts.sps'), `${text}WEIGHT OFF.\nFREQUENCIES F1 D3_7 T1_2.\nWEIGHT BY weight.\nFREQUENCIES F1.\n`);
		const out = run('pspp', ['-O', 'format=csv', 'counts.sps']);
		expect(out).not.toMatch(/warning|error/i);
		/** The frequency table titled with a label, as label → count (valid rows and the labelled missing value). */
		const table = (title: string, nth = 0) => {
			const block = out.split('\n\n').filter((b) => b.startsWith(`Table: ${title}\n`))[nth];
			expect(block, title).toBeDefined();
			const rows = block.split('\n').slice(2).map((l) => l.split(','));
			return Object.fromEntries(rows.filter((r) => r[1] && r[1] !== '.' && r[0] !== 'Total').map((r) => [r[1], Number(r[2])]));
		};
		// PSPP lists the values that occur.
		const occurring = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
		const age = appCounts('F1');
		expect(table('あなたの年齢を教えてください。')).toEqual(occurring(age.n));
		expect(table('インターネットをあまり使わない理由を、すべて選んでください。：その他（具体的に）')['選んだ']).toBe(appCounts('D3', 7).n['その他（具体的に）']);
		const rowLabel = wideVariables(dataset(db, surveyId).doc, true).find((v) => v.name === 'T1_2')!.label;
		expect(table(rowLabel)).toEqual(occurring(appCounts('T1.T1_2').n));
		const weighted = table('あなたの年齢を教えてください。', 1);
		for (const [k, w] of Object.entries(age.w)) if (k !== '不明') expect(weighted[k]).toBeCloseTo(w, 5);
	});
});

describe('the scripts without weights', () => {
	it('declare none', () => {
		const source = { title: '調査', csvFile: 'a.csv', scriptFile: 'a.R', day: '2026-12-01', variables: wideVariables(dataset(db, surveyId).doc, false) };
		expect(rScript(source)).not.toContain('svydesign');
		expect(spssSyntax(source)).not.toContain('WEIGHT BY');
		expect(rScript({ ...source, variables: wideVariables(dataset(db, surveyId).doc, true) })).toContain('survey::svydesign(ids = ~1, weights = ~weight, data = d)');
	});
});
