// Password hashing (argon2id) and the rules a new password must meet.
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';

// OWASP's argon2id recommendation: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_LENGTH = 12;
export const MAX_LENGTH = 256;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		// A malformed hash verifies nothing.
		return false;
	}
}

/** A hash of nothing anyone knows: verified against when the login id is unknown, so both
 *  cases cost the same time. */
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(crypto.randomUUID()));

const common = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** Why a password may not be used, in Japanese, or undefined if it may. */
export function passwordProblem(password: string, email = ''): string | undefined {
	if (password.length < MIN_LENGTH) return `パスワードは ${MIN_LENGTH} 文字以上にしてください。`;
	if (password.length > MAX_LENGTH) return `パスワードは ${MAX_LENGTH} 文字以内にしてください。`;
	const lower = password.toLowerCase();
	if (common.has(lower) || /^(.)\1+$/.test(password))
		return 'よく使われているパスワードは使えません。推測されにくいものにしてください。';
	const local = email.split('@')[0].toLowerCase();
	if (local.length >= 3 && lower.includes(local)) return 'ログインIDを含むパスワードは使えません。';
	return undefined;
}
