// The 全国地方公共団体コード (JIS X 0401/0402 with its check digit) that names the municipality
// in open data: five digits (prefecture and municipality) and a sixth that checks them, as 総務省
// assigns it. 山口市 is 35203 with check digit 9, so 352039. Pure: config.ts refuses a code
// whose check digit is wrong at start-up, before it is printed in every open-data row.

/** The check digit of a five-digit code: 11 minus the weighted sum (6, 5, 4, 3, 2) mod 11, its last digit. */
export function checkDigit(fiveDigits: string): number {
	if (!/^\d{5}$/.test(fiveDigits)) throw new RangeError(`a local government code has five digits before its check digit, not "${fiveDigits}"`);
	const sum = [...fiveDigits].reduce((s, d, i) => s + Number(d) * (6 - i), 0);
	return (11 - (sum % 11)) % 10;
}

/** Whether a six-digit code's last digit is the check digit of the first five. */
export const isLocalGovernmentCode = (code: string): boolean => /^\d{6}$/.test(code) && checkDigit(code.slice(0, 5)) === Number(code[5]);
