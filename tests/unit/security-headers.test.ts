import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/lib/server/security-headers';

async function headersFor(url: string) {
	const response = await securityHeaders({
		event: { url: new URL(url) } as never,
		resolve: async () => new Response('ok')
	});
	return response.headers;
}

describe('security headers', () => {
	it('add Strict-Transport-Security when served over https only', async () => {
		expect((await headersFor('https://survey.example.lg.jp/')).get('strict-transport-security')).toBe(
			'max-age=63072000; includeSubDomains'
		);
		expect((await headersFor('http://localhost:3000/')).get('strict-transport-security')).toBeNull();
	});
});
