// The residents' site header: a slim bar whose settings disclosure holds the language and
// text-size switches.
import type { Page } from 'playwright-core';

/** Opens the header's settings (language and text size), if it is not open already. */
export async function openSettings(page: Page): Promise<void> {
	const settings = page.locator('.site-header details.settings');
	if (!(await settings.evaluate((d) => (d as HTMLDetailsElement).open))) await settings.locator('summary').click();
}

/**
 * Chooses a language or text size in the header, by its name (「English」, 「特大」): a link, or
 * on the survey's form page a button of the form that keeps what was typed.
 */
export async function chooseInHeader(page: Page, name: string): Promise<void> {
	await openSettings(page);
	const panel = page.locator('.site-header .panel');
	await panel.getByRole('link', { name, exact: true }).or(panel.getByRole('button', { name, exact: true })).click();
}
