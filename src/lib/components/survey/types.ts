import type { Language, Question } from '$lib/survey/schema';
import type { FormValues } from '$lib/survey/validate-answers';

/** What every question input gets: the question, its values, and a way to change them. */
export interface InputProps<Q extends Question = Question> {
	q: Q;
	lang: Language;
	values: FormValues;
	set: (name: string, value: string | string[]) => void;
	/** Ids of the help and error texts that describe the inputs. */
	describedBy: string | undefined;
	invalid: boolean;
	/** False without JavaScript: every optional part (such as "other" texts) is shown. */
	live: boolean;
}
