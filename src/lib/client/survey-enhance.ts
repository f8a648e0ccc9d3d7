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

const target = document.getElementById(SURVEY_ISLAND);
const props = document.getElementById(SURVEY_PROPS)?.textContent;
if (target?.firstElementChild && props) {
	markAsDrawnAlone(target.firstElementChild);
	hydrate(SurveyForm, { target, props: JSON.parse(props), recover: false });
}
const panel = document.querySelector<HTMLDetailsElement>('details.settings');
if (panel) closeOnEscapeOrOutside(panel);
