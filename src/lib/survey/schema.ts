// The questionnaire format: one zod schema for a whole questionnaire document, and the
// TypeScript types derived from it. Browser code imports only the types (`import type`),
// so zod never reaches the resident's bundle; the server and the designer validate with it.
import { z } from 'zod';
import { TEXT_LIMIT } from './limits';
import { LANGUAGES, type Language } from './languages';

export { LANGUAGES, type Language };

/** A question, option, row or section key: a CSV column name, stable across years. */
const keyPattern = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
const Key = z.string().regex(keyPattern, { message: 'key' });

/** A short hash of a Japanese text (translation.ts makes it). */
const JapaneseHash = z.string().regex(/^[0-9a-f]{8}$/);

/**
 * Text in each language: Japanese is required, やさしい日本語 and English are optional.
 * `translatedFrom` records, per translation, the Japanese it was written or checked against,
 * so a translation older than its Japanese shows as 要確認 (translation.ts). Documents made
 * before it existed have none and still load.
 */
export const TextSchema = z.strictObject({
	ja: z.string().trim().min(1, { message: 'ja' }),
	easy: z.string().trim().min(1).optional(),
	en: z.string().trim().min(1).optional(),
	translatedFrom: z.strictObject({ easy: JapaneseHash.optional(), en: JapaneseHash.optional() }).optional()
});

const Code = z.number().int().min(0).max(9999);

const ClauseSchema = z.strictObject({
	question: Key,
	/** For a matrix question: which row the clause reads. */
	row: Key.optional(),
	op: z.enum(['equals', 'oneOf', 'noneOf', 'answered', 'notAnswered', 'gt', 'gte', 'lt', 'lte']),
	value: z.number().optional(),
	values: z.array(Code).min(1).optional()
});

export type Clause = z.infer<typeof ClauseSchema>;
export type Condition = { all: (Clause | Condition)[] } | { any: (Clause | Condition)[] };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
	z.union([
		z.strictObject({ all: z.array(z.union([ClauseSchema, ConditionSchema])).min(1) }),
		z.strictObject({ any: z.array(z.union([ClauseSchema, ConditionSchema])).min(1) })
	])
);

const OptionSchema = z.strictObject({
	code: Code,
	label: TextSchema,
	/** Chosen alone: "none of these"; other options are cleared when it is ticked. */
	exclusive: z.boolean().optional(),
	/** "Other (please specify)": asks for a short text when chosen. */
	other: z.boolean().optional(),
	/** Points for an index (the digital-maturity index counts activities by area). */
	score: z.number().optional()
});

const base = {
	key: Key,
	label: TextSchema,
	help: TextSchema.optional(),
	required: z.boolean().optional(),
	showIf: ConditionSchema.optional(),
	/** Priority projects, indicators and themes this question informs, e.g. "PP1". */
	tags: z.array(z.string().min(1).max(60)).optional()
};

const SingleSchema = z.strictObject({
	...base,
	type: z.literal('single'),
	options: z.array(OptionSchema).min(2)
});
const DropdownSchema = z.strictObject({
	...base,
	type: z.literal('dropdown'),
	options: z.array(OptionSchema).min(2)
});
const MultipleSchema = z.strictObject({
	...base,
	type: z.literal('multiple'),
	options: z.array(OptionSchema).min(2),
	minSelect: z.number().int().min(1).optional(),
	maxSelect: z.number().int().min(1).optional()
});
const ScaleSchema = z.strictObject({
	...base,
	type: z.literal('scale'),
	min: z.number().int().min(0).max(100),
	max: z.number().int().min(1).max(100),
	minLabel: TextSchema.optional(),
	maxLabel: TextSchema.optional()
});
const MatrixSchema = z.strictObject({
	...base,
	type: z.literal('matrix'),
	rows: z.array(z.strictObject({ key: Key, label: TextSchema })),
	options: z.array(OptionSchema).min(2)
});
const TextQuestionSchema = z.strictObject({
	...base,
	type: z.enum(['text', 'longtext']),
	maxLength: z.number().int().min(1).max(TEXT_LIMIT).optional()
});
const NumberSchema = z.strictObject({
	...base,
	type: z.literal('number'),
	min: z.number().optional(),
	max: z.number().optional(),
	integer: z.boolean().optional(),
	unit: TextSchema.optional()
});

export const QuestionSchema = z.discriminatedUnion('type', [
	SingleSchema,
	DropdownSchema,
	MultipleSchema,
	ScaleSchema,
	MatrixSchema,
	TextQuestionSchema,
	NumberSchema
]);

const SectionSchema = z.strictObject({
	key: Key,
	title: TextSchema,
	description: TextSchema.optional(),
	showIf: ConditionSchema.optional(),
	questions: z.array(QuestionSchema).min(1)
});

/**
 * The questionnaire's own words in the privacy notice: its purpose, who sees the answers, and
 * the sentence the resident agrees to. Everything else the notice says (what is stored, for how
 * long, the contact, the deadline) comes from the survey's settings and the system's own lists
 * (src/lib/survey/privacy.ts), so it cannot differ from what the system does. The other texts
 * older documents hold are kept as they are but no longer shown.
 */
const ConsentSchema = z.strictObject({
	purpose: TextSchema,
	access: TextSchema,
	agree: TextSchema,
	stored: TextSchema.optional(),
	notStored: TextSchema.optional(),
	retention: TextSchema.optional(),
	publication: TextSchema.optional(),
	voluntary: TextSchema.optional(),
	contact: TextSchema.optional()
});

/**
 * An index computed per response from multiple-choice questions (the DSI-compatible
 * digital-maturity index). The rules live here, not in code, so an edition can change them.
 */
const IndexSchema = z.strictObject({
	key: Key,
	name: TextSchema,
	note: TextSchema.optional(),
	areas: z
		.array(
			z.strictObject({
				key: Key,
				label: TextSchema,
				question: Key,
				/** Activities needed for "basic" and for "above basic". */
				basic: z.number().int().min(1),
				aboveBasic: z.number().int().min(1)
			})
		)
		.min(1),
	/**
	 * Respondents matching this are "not assessed" (excluded, e.g. non-users), never counted as zero;
	 * a blank or unreadable answer to a question it reads makes a respondent 判定不能 instead.
	 */
	notAssessedIf: ConditionSchema,
	/** Level names by the number of areas at least basic, best first. */
	levels: z
		.array(z.strictObject({ key: Key, label: TextSchema }))
		.min(2)
});

export const QuestionnaireSchema = z.strictObject({
	format: z.literal(1),
	title: TextSchema,
	description: TextSchema.optional(),
	/** Languages offered to residents; Japanese is always offered. */
	languages: z.array(z.enum(LANGUAGES)).min(1),
	consent: ConsentSchema,
	sections: z.array(SectionSchema).min(1),
	thanks: TextSchema.optional(),
	index: IndexSchema.optional()
});

export type Text = z.infer<typeof TextSchema>;
export type Option = z.infer<typeof OptionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionType = Question['type'];
export type ChoiceQuestion = Extract<Question, { options: Option[] }>;
export type Section = z.infer<typeof SectionSchema>;
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;
export type MaturityIndex = z.infer<typeof IndexSchema>;
