// Does a wrong login id take as long as a wrong password? Both run one argon2id verification;
// this prints the two mean times through the real login action and their ratio.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tempDatabasePath } from '../unit/support/temp-db';
import { runAction } from '../unit/support/run-action';

const temp = tempDatabasePath();
process.env.DATABASE_PATH = temp.file;
const TRIES = Number(process.env.BENCH_LOGINS ?? 40);

let login: (event: never) => unknown;
beforeAll(async () => {
	const { db } = await import('../../src/lib/server/db');
	const users = await import('../../src/lib/server/users');
	// One account per try, so the per-account throttle never steps in.
	for (let i = 0; i < TRIES; i++)
		await users.create(db(), {
			email: `user${i}@city.example`,
			displayName: `user${i}`,
			roles: ['clerk'],
			password: 'the-right-password',
			mustChangePassword: false
		});
	login = (await import('../../src/routes/admin/login/+page.server')).actions.default as never;
});
afterAll(() => temp.remove());

async function time(email: (i: number) => string, password: string, network: string): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < TRIES; i++) {
		const started = performance.now();
		await runAction(login, {
			url: 'http://localhost/admin/login',
			fields: { email: email(i), password },
			// A fresh address each time, so the per-address throttle never steps in either.
			client: `${network}.${i}`
		});
		times.push(performance.now() - started);
	}
	return times;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(mean(xs.map((x) => (x - mean(xs)) ** 2)));

it('login failure time: unknown id against wrong password', async () => {
	await time((i) => `warmup${i}@city.example`, 'x', '10.0.0');
	// Interleaved rounds so drift on the machine affects both alike.
	const unknown: number[] = [];
	const wrong: number[] = [];
	for (let round = 0; round < 2; round++) {
		unknown.push(...(await time((i) => `nobody${round}-${i}@city.example`, 'the-right-password', `10.1.${round}`)));
		wrong.push(...(await time((i) => `user${i}@city.example`, `wrong-${round}`, `10.2.${round}`)));
	}
	console.log(`login failures, ${unknown.length} each:`);
	console.log(`  unknown login id: ${mean(unknown).toFixed(1)} ms (sd ${sd(unknown).toFixed(1)})`);
	console.log(`  wrong password:   ${mean(wrong).toFixed(1)} ms (sd ${sd(wrong).toFixed(1)})`);
	console.log(`  ratio:            ${(mean(unknown) / mean(wrong)).toFixed(3)}`);
	expect(unknown.length).toBe(wrong.length);
});
