// What a resident did on the survey's long form, drawn by the server, before its script
// arrived (seconds, on a slow phone). Read by survey-enhance.ts before the form is brought to
// life, and handed to it: the form keeps those answers and, if the resident was already
// reading or answering, stays the long form where they are.
import { formValues, type FormValues } from '$lib/survey/validate-answers';
import { answersOnly } from '$lib/survey/form-fields';

export interface BeforeScript {
	/** Answers given (fields left empty are not answers). */
	values: FormValues;
	consent: boolean;
	/** Whether they had scrolled, answered or were in a field: they stay on the long form. */
	acted: boolean;
	/** Whether the browser put the page back (a reload, the back button), with its scroll and fields. */
	restored: boolean;
}

export function readServerForm(form: HTMLFormElement, win: Window = window): BeforeScript {
	const posted = formValues(new FormData(form));
	const values = Object.fromEntries(Object.entries(answersOnly(posted)).filter(([, value]) => value !== ''));
	const consent = posted.consent === 'yes';
	const navigation = win.performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
	const restored = navigation?.type === 'reload' || navigation?.type === 'back_forward';
	// A scroll the browser put back is not the resident reading on (their place, if any, is
	// in the draft: SurveyForm).
	const scrolled = win.scrollY > 0 && !restored;
	const acted = consent || Object.keys(values).length > 0 || scrolled || form.contains(win.document.activeElement);
	return { values, consent, acted, restored };
}
