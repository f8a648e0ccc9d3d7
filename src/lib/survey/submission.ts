// What the server answers to a post of the survey form that it does not store, shared with the
// form: a refusal (errors), a re-drawing (a language or size switch, an edit after the review)
// or the review of the answers before sending. Without JavaScript each is a page of its own.
import type { AnswerErrors, FormValues } from './validate-answers';

/** What a button of the survey form asks for (its name is `intent`). */
export const INTENTS = ['redraw', 'review', 'send'] as const;
export type Intent = (typeof INTENTS)[number];

export interface SubmitFailure {
	/** The values sent, so the form is shown again as filled in. */
	values: FormValues;
	errors: AnswerErrors;
	consentMissing: boolean;
	/** A problem with the request itself rather than with an answer (`offline`: the page script's own, nothing reached the server). */
	formError?: 'rateLimited' | 'badRequest' | 'closed' | 'invitation' | 'offline';
	/** 'review': the answers checked and listed before the final send; otherwise the form. */
	step?: 'form' | 'review';
}

/** Why a survey that needs an invitation code does not show its form yet. */
export type InvitationProblem = 'missing' | 'malformed' | 'unknown' | 'used' | 'rateLimited';
