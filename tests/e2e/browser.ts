// Debian's Chromium driven by playwright-core, with phone and desktop viewports and an
// axe-core check that fails on serious or critical violations.
import { chromium, type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import axe from 'axe-core';
import Database from 'better-sqlite3';
import { mixPool } from '../../src/lib/server/responses';
import { inject } from 'vitest';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export const baseUrl = () => inject('baseUrl');

export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
}

export async function newPage(
	browser: Browser,
	options: { viewport?: { width: number; height: number }; javaScriptEnabled?: boolean } = {}
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
	const context = await browser.newContext({
		viewport: options.viewport ?? PHONE,
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		locale: 'ja-JP',
		baseURL: baseUrl()
	});
	const page = await context.newPage();
	// Script errors in the page fail the test that checks `errors` at its end.
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	return { context, page, errors };
}

export interface Violation {
	id: string;
	impact: string | null | undefined;
	help: string;
	nodes: string[];
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
	// Injected through the DevTools protocol, which the page's CSP does not govern.
	await page.evaluate(axe.source);
	const result = await page.evaluate(() =>
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		(window as any).axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }
		})
	);
	return (result.violations as axe.Result[])
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** The app's scripts: SvelteKit's client, and the survey page's own (src/routes/enhance). */
const APP_SCRIPTS = /\/(_app\/immutable\/.*|enhance\/[^/]*)\.js$/;

/** Routes every request for one of the app's scripts through `handle`. */
export async function routeAppScripts(page: Page, handle: (route: Route) => Promise<void>): Promise<void> {
	await page.route(APP_SCRIPTS, handle);
}

/** Holds back the app's scripts for a while, as a slow phone network would after the page itself. */
export async function slowScripts(page: Page, ms: number): Promise<void> {
	await routeAppScripts(page, async (route) => {
		await new Promise((resolve) => setTimeout(resolve, ms));
		await route.continue();
	});
}

/** Whether the page scrolls sideways (it must not, at 320 px or at 390 px). */
export async function scrollsSideways(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

/**
 * Reads the app's database (read-only) to see what was really stored, once the responses
 * waiting for their day's batch are stored: the app stores a day's together when it is over,
 * and tests read answers as soon as they are sent.
 */
export function readDatabase<T>(read: (db: Database.Database) => T): T {
	writeDatabase((db) => mixPool(db, '9999-12-31'));
	const db = new Database(inject('databasePath'), { readonly: true, fileMustExist: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}

export const responseCount = () =>
	readDatabase((db) => db.prepare('SELECT count(*) FROM response').pluck().get() as number);

/**
 * axe-core needs script, which a JavaScript-disabled page cannot run: the same HTML is
 * loaded at the same address in a second context whose app scripts are blocked, so it stays
 * exactly as the server rendered it, and is checked there.
 */
export async function seriousViolationsWithoutScripts(browser: Browser, page: Page): Promise<Violation[]> {
	const html = await page.content();
	const url = page.url();
	const context = await browser.newContext({ viewport: page.viewportSize() ?? PHONE });
	try {
		const copy = await context.newPage();
		await copy.route('**/*.js', (route) => route.abort());
		await copy.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
		await copy.goto(url);
		return await seriousViolations(copy);
	} finally {
		await context.close();
	}
}

/** Changes the app's database directly, to set up a state the test needs. */
export function writeDatabase<T>(write: (db: Database.Database) => T): T {
	const db = new Database(inject('databasePath'), { fileMustExist: true });
	db.pragma('busy_timeout = 5000');
	try {
		return write(db);
	} finally {
		db.close();
	}
}
