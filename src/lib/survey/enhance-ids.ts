// Where the survey page's script (src/lib/client/survey-enhance.ts) finds the form it brings
// to life and the props the server drew it with.
export const SURVEY_ISLAND = 'survey-island';
export const SURVEY_PROPS = 'survey-props';

/** Props as JSON inside <script type="application/json">: no `<` can close the element. */
export function propsScript(props: unknown): string {
	const json = JSON.stringify(props).replace(/</g, '\\u003c');
	return `<script type="application/json" id="${SURVEY_PROPS}">${json}</script>`;
}
