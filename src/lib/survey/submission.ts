// What the server answers when it does not accept a submission, shared with the form.
import type { AnswerErrors, FormValues } from './validate-answers';

export interface SubmitFailure {
	/** The values sent, so the form is shown again as filled in. */
	values: FormValues;
	errors: AnswerErrors;
	consentMissing: boolean;
	/** A problem with the request itself rather than with an answer. */
	formError?: 'rateLimited' | 'badRequest' | 'closed' | 'invitation';
}

/** Why a survey that needs an invitation code does not show its form yet. */
export type InvitationProblem = 'missing' | 'malformed' | 'unknown' | 'used' | 'rateLimited';
