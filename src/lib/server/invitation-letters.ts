// What goes on each invitation letter: the code as printed, the address that opens the survey
// with it, and that address as a QR code (SVG) for a phone's camera.
import QRCode from 'qrcode';
import { formatCode } from '$lib/survey/invitation-code';

export interface Letter {
	code: string;
	url: string;
	qr: string;
}

/** The survey's address with the code, as the QR code and the letters' CSV give it. */
export const invitationUrl = (origin: string, slug: string, digits: string) => `${origin}/s/${slug}?code=${formatCode(digits)}`;

export function letters(origin: string, slug: string, codes: string[]): Promise<Letter[]> {
	return Promise.all(
		codes.map(async (digits) => {
			const url = invitationUrl(origin, slug, digits);
			// Level M survives a crease or a smudge; the margin is the quiet zone readers need.
			const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
			return { code: formatCode(digits), url, qr };
		})
	);
}
