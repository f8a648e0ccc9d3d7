// What a resident did on the survey's long form, drawn by the server, before its script
// arrived (seconds, on a slow phone). Read by survey-enhance.ts before the form is brought to
// life, and handed to it: the form keeps those answers and, if the resident was already
// reading or answering, stays the long form where they are.
import { formValues, type FormValues } from '$lib/survey/validate-answers';

export interface BeforeScript {
	/** Answers given (fields left empty are not answers). */
	values: FormValues;
	consent: boolean;
	/** Whether they had scrolled, answered or were in a field: they stay on the long form. */
	acted: boolean;
}

export function readServerForm(form: HTMLFormElement, win: Window = window): BeforeScript {
	const { consent, submissionKey: _key, versionId: _version, lang: _lang, invitation: _code, intent: _intent, ...answers } =
		formValues(new FormData(form));
	for (const [name, value] of Object.entries(answers)) if (value === '') delete answers[name];
	const agreed = consent === 'yes';
	const answered = agreed || Object.keys(answers).length > 0;
	// After a reload or the back button the browser puts the scroll back itself: that is not
	// the resident reading on (their place, if any, is in the draft: SurveyForm).
	const navigation = win.performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
	const scrollRestored = navigation?.type === 'reload' || navigation?.type === 'back_forward';
	const scrolled = win.scrollY > 0 && !scrollRestored;
	const acted = answered || scrolled || form.contains(win.document.activeElement);
	return { values: answers, consent: agreed, acted };
}
