// Invitation codes as residents see them: 12 digits in three groups (1234-5678-9012), easy to
// type on a phone's number pad and to read aloud. What a resident types is read leniently:
// full-width digits, spaces and any dashes are all accepted.

export const CODE_DIGITS = 12;

/** The 12 digits of a typed code, or undefined when it cannot be one. */
export function normalizeCode(typed: string): string | undefined {
	const digits = typed.normalize('NFKC').replace(/[\s\-‐‑‒–—―ー−]/g, '');
	return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : undefined;
}

/** A code as printed: 1234-5678-9012. */
export const formatCode = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1-');

/** The entry field and CSV column of a paper questionnaire's code: Japanese, so never a question key. */
export const INVITATION_FIELD = '招待コード';
