// The survey page's script (src/lib/server/survey-script.ts), kept by browsers for a year:
// its name changes whenever its content does.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { surveyScriptBody, surveyScriptFile } from '$lib/server/survey-script';
import { chooseEncoding } from '$lib/server/compression';

export const GET: RequestHandler = async ({ params, request }) => {
	if (!surveyScriptFile || params.file !== surveyScriptFile) error(404, 'Not found');
	const coding = chooseEncoding(request.headers.get('accept-encoding'));
	const body = (await surveyScriptBody(coding))!;
	const headers = new Headers({
		'content-type': 'text/javascript; charset=utf-8',
		'content-length': String(body.byteLength),
		'cache-control': 'public, max-age=31536000, immutable',
		vary: 'Accept-Encoding'
	});
	if (coding) headers.set('content-encoding', coding);
	return new Response(new Uint8Array(body), { headers });
};
