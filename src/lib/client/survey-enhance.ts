// The survey page's only script. The page is drawn by the server and works without it
// (SvelteKit's own client is off there: `csr = false` in +page.server.ts); this file, built
// on its own by vite.enhance.config.ts, brings the form to life where it stands (Svelte's
// hydrate over the server's HTML) and so stays a fraction of the app's client. A browser that
// cannot run it keeps the server's full form.
import './old-browsers';
import { hydrate } from 'svelte';
import SurveyForm from '$lib/components/survey/SurveyForm.svelte';
import { SURVEY_ISLAND, SURVEY_PROPS } from '$lib/survey/enhance-ids';
import { closeOnEscapeOrOutside } from './settings-panel';
import { readServerForm } from './before-script';

/**
 * Svelte hydrates a component drawn on its own, between the comments `<!--[-->` and `<!--]-->`
 * that `render` puts around it; the server drew this form inside the page, without them. They
 * are added around the form as it stands: nothing is re-drawn, so what the resident typed,
 * the field they are in and where they have scrolled to stay as they are.
 */
function markAsDrawnAlone(form: Element) {
	form.before(document.createComment('['));
	form.after(document.createComment(']'));
}

function start() {
	const target = document.getElementById(SURVEY_ISLAND);
	const props = document.getElementById(SURVEY_PROPS)?.textContent;
	const form = target?.firstElementChild;
	if (!target || !(form instanceof HTMLFormElement) || !props) return;
	// Read first: should the page have been changed under the form (a translating browser, an
	// extension), Svelte draws the form afresh in place of the server's, from these.
	const before = readServerForm(form);
	markAsDrawnAlone(form);
	hydrate(SurveyForm, { target, props: { ...JSON.parse(props), before } });
}

// The server's page is drawn first, then brought to life: on a slow phone that takes a few
// hundred milliseconds, which would otherwise hold back the first sight of the consent box.
requestAnimationFrame(() => setTimeout(start));

const panel = document.querySelector<HTMLDetailsElement>('details.settings');
if (panel) closeOnEscapeOrOutside(panel);
