// A clerk types in two paper questionnaires with the keyboard only, and imports ten more from
// a CSV whose one bad row is reported and blocks the import until it is fixed.
import { ANSWER_ROWS } from '../support/answer-rows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DESKTOP, launch, newPage, readDatabase, scrollsSideways, writeDatabase } from './browser';
import { addSynthetic, removeSynthetic } from '../../src/lib/server/synthetic-responses';
import { createStaff, logIn, type TestStaff } from './staff-helpers';
import { expectAccessible } from './survey-steps';
import { lineCount } from './line-boxes';

let browser: Browser;
let clerk: TestStaff;
beforeAll(async () => {
	browser = await launch();
	clerk = await createStaff(['clerk'], 'clerk');
});
afterAll(async () => {
	await browser?.close();
});

const paperResponses = (channels = ['paper', 'import']) =>
	readDatabase(
		(db) =>
			db
				.prepare(`SELECT count(*) FROM response WHERE synthetic = 0 AND channel IN (${channels.map(() => '?').join(', ')}) AND survey_version_id IN (SELECT id FROM survey_version WHERE survey_id = 1)`)
				.pluck()
				.get(...channels) as number
	);

describe('paper questionnaires', () => {
	it('are typed in one after another with the keyboard only', async () => {
		const { context, page, errors } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, clerk);
		await page.goto('/admin/paper/1');
		await expectAccessible(page, 'the paper entry form');
		const before = paperResponses();

		// The first box has the focus; Enter moves on; Enter in the last box saves.
		let saved = paperResponses(['paper']);
		const typeForm = async (answers: Record<string, string>) => {
			await page.waitForFunction(() => document.activeElement?.id === 'paper-F1');
			const names = await page.locator('.paper-form input[type=text]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).name));
			for (const name of names) {
				if (answers[name]) await page.keyboard.type(answers[name]);
				await page.keyboard.press('Enter');
			}
			saved += 1;
			await page.waitForFunction(
				(count) => document.querySelector('[role=status]')?.textContent?.includes(`手入力 ${count} 件`),
				saved
			);
		};
		await typeForm({ F1: '9', F2: '2', F3: '20', F4: '1', D2: '5', D3: '2 6', C2: '1', W1: '6' });
		await typeForm({ F1: '10', F3: '21', F4: '2', D2: '4', D3: '1', T1_2: '1 2', C4: '紙でも答えられて助かります' });
		expect(paperResponses()).toBe(before + 2);

		// A code that is not on the paper is caught, and nothing is stored.
		await page.waitForFunction(() => document.activeElement?.id === 'paper-F1');
		await page.keyboard.type('12');
		await page.keyboard.press('Control+Enter');
		await page.waitForSelector('.alert');
		await expect(page.locator('.alert').innerText()).resolves.toContain('「12」は F1 の選択肢の番号にありません。');
		expect(paperResponses()).toBe(before + 2);

		const stored = readDatabase((db) =>
			db.prepare(`SELECT a.question_key, a.status FROM ${ANSWER_ROWS} a JOIN response r ON r.id = a.response_id WHERE r.channel = 'paper' AND a.row_key = 'T1_2'`).all()
		);
		expect(stored).toContainEqual({ question_key: 'T1', status: 'invalid' });
		expect(errors).toEqual([]);
		await context.close();
	});

	it('are imported from a CSV, but not while a row is wrong', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, clerk);
		await page.goto('/admin/paper/1/import');
		const before = paperResponses();
		const header = 'F1,F3,F4,D2,D3,C4';
		const good = Array.from({ length: 10 }, (_, i) => `${(i % 10) + 1},${(i % 21) + 1},${(i % 5) + 1},${(i % 5) + 1},,"意見 ${i + 1}"`);
		const upload = async (lines: string[]) => {
			await page.locator('input[name=file]').setInputFiles({ name: 'paper.csv', mimeType: 'text/csv', buffer: Buffer.from([header, ...lines].join('\n')) });
			await page.getByRole('button', { name: '内容を確認する' }).click();
			await page.waitForLoadState();
		};
		const bad = [...good];
		bad[6] = '7,30,1,1,,';
		await upload(bad);
		await expect(page.locator('.alert table').innerText()).resolves.toContain('8行目・F3列');
		await expect(page.getByRole('button', { name: /件を取り込む/ }).count()).resolves.toBe(0);
		expect(paperResponses()).toBe(before);
		await expectAccessible(page, 'the import with a bad row');

		await upload(good);
		await page.getByRole('button', { name: '10 件を取り込む' }).click();
		await page.waitForURL('**/import?imported=10');
		expect(paperResponses()).toBe(before + 10);
		const logged = readDatabase((db) =>
			db.prepare("SELECT json_extract(detail, '$.count') FROM audit_event WHERE action = 'paper.import' AND actor = ?").pluck().get(clerk.email)
		);
		expect(logged).toBe(10);
		await context.close();
	});

	it('are laid out as the printed form: numbers and words in columns, a district never broken', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, clerk);
		await page.goto('/admin/paper/1');
		// Each choice: its number and its words, apart, side by side on one line.
		const choices = async (key: string) =>
			(
				await page.locator(`#hint-${key} li`).evaluateAll((items) =>
					items.map((li) => {
						const [code, words] = [li.querySelector('.code')!, li.querySelector('.choice')!];
						const boxes = (e: Element) => {
							const range = document.createRange();
							range.selectNodeContents(e);
							return [...range.getClientRects()].map((r) => ({ top: r.top, bottom: r.bottom, width: r.width }));
						};
						const c = code.getBoundingClientRect(), w = words.getBoundingClientRect();
						return { code: code.textContent, words: words.textContent, codeBoxes: boxes(code), wordBoxes: boxes(words), sameLine: Math.abs(c.top - w.top) < 2, codeRight: Math.round(c.right), wordsLeft: Math.round(w.left), wordsRight: Math.round(w.right), column: Math.round(li.getBoundingClientRect().left), columnRight: Math.round(li.getBoundingClientRect().right) };
					})
				)
			).map(({ codeBoxes, wordBoxes, ...d }) => ({ ...d, codeLines: lineCount(codeBoxes), wordLines: lineCount(wordBoxes) }));
		const ages = await choices('F1');
		expect(ages[0]).toMatchObject({ code: '1', words: '18〜19歳' });
		const districts = await choices('F3');
		expect(districts.find((d) => d.code === '21')).toMatchObject({ words: '阿東' });
		for (const d of [...ages, ...districts]) {
			expect(d, `${d.code} ${d.words}`).toMatchObject({ codeLines: 1, wordLines: 1, sameLine: true });
			expect(d.codeRight).toBeLessThan(d.wordsLeft);
		}
		// In columns: the numbers of a column end at one edge, and their words start at one.
		const columns = new Map<number, typeof districts>();
		for (const d of districts) columns.set(d.column, [...(columns.get(d.column) ?? []), d]);
		expect(columns.size).toBeGreaterThan(2);
		for (const column of columns.values()) {
			expect(new Set(column.map((d) => d.codeRight)).size).toBe(1);
			expect(new Set(column.map((d) => d.wordsLeft)).size).toBe(1);
		}
		// No choice runs past its column into the next, nor the page sideways.
		for (const key of ['A1', 'A5', 'G1']) for (const d of await choices(key)) expect(d.wordsRight, `${key} ${d.code}`).toBeLessThanOrEqual(d.columnRight + 1);
		await expect(scrollsSideways(page)).resolves.toBe(false);
		await expectAccessible(page, 'the paper entry form in columns');
		await context.close();
	});

	it('counts typed, imported and synthetic questionnaires apart', async () => {
		const { context, page } = await newPage(browser, { viewport: DESKTOP });
		await logIn(page, clerk);
		const counts = async () => {
			const status = await page.locator('[role=status]').innerText();
			const n = (label: string) => Number(new RegExp(`${label} ([\\d,]+) 件`).exec(status)?.[1].replace(/,/g, '') ?? 0);
			return { typed: n('手入力'), imported: n('CSV の取り込み'), synthetic: n('合成（デモ）') };
		};
		await page.goto('/admin/paper/1');
		const before = await counts();
		expect(before).toMatchObject({ typed: paperResponses(['paper']), imported: paperResponses(['import']), synthetic: 0 });

		await page.waitForFunction(() => document.activeElement?.id === 'paper-F1');
		await page.keyboard.type('4');
		await page.keyboard.press('Control+Enter');
		await page.waitForFunction((n) => document.querySelector('[role=status]')?.textContent?.includes(`手入力 ${n} 件`), before.typed + 1);

		await page.goto('/admin/paper/1/import');
		await page.locator('input[name=file]').setInputFiles({ name: 'paper.csv', mimeType: 'text/csv', buffer: Buffer.from('F1,F3\n1,2\n2,3\n3,4\n') });
		await page.getByRole('button', { name: '内容を確認する' }).click();
		await Promise.all([page.waitForURL('**/import?imported=3'), page.getByRole('button', { name: '3 件を取り込む' }).click()]);

		const made = writeDatabase((db) => {
			addSynthetic(db, 1, { count: 200, seed: 17, from: '2022-10-01', to: '2022-10-31' });
			return db.prepare("SELECT count(*) FROM response JOIN survey_version v ON v.id = response.survey_version_id WHERE v.survey_id = 1 AND synthetic = 1 AND channel IN ('paper', 'import')").pluck().get() as number;
		});
		try {
			await page.goto('/admin/paper/1');
			expect(made).toBeGreaterThan(0);
			await expect(counts()).resolves.toEqual({ typed: before.typed + 1, imported: before.imported + 3, synthetic: made });
			await expect(page.locator('[role=status]').innerText()).resolves.toContain('架空の回答');
		} finally {
			writeDatabase((db) => removeSynthetic(db, 1));
		}
		await context.close();
	});
});
