// Every staff route found in src/routes, for every role: allowed (200), forbidden (403), or
// sent to the login page. The routes are read from the file system, so a new route without an
// entry here fails the test, and so does a route whose guard was forgotten.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/lib/staff/roles';
import { baseUrl, writeDatabase } from './browser';
import { createStaff, loginCookie, type TestStaff } from './staff-helpers';

type Access = Role[] | 'any staff' | 'public';
interface RouteRule {
	access: Access;
	/** Form actions the page declares, each checked like the page unless `actionAccess` says otherwise. */
	actions?: string[];
	actionAccess?: Record<string, Access>;
	/** Methods of a +server.ts endpoint. */
	methods?: ('GET' | 'POST')[];
}

const TABLE: Record<string, RouteRule> = {
	'/admin/login': { access: 'public', actions: ['default'] },
	'/admin/logout': { access: 'any staff', methods: ['POST'] },
	'/admin': { access: 'any staff' },
	'/admin/account': { access: 'any staff', actions: ['changePassword', 'logoutEverywhere'] },
	'/admin/users': { access: ['admin'], actions: ['create'] },
	'/admin/users/[id]': { access: ['admin'], actions: ['update', 'resetPassword', 'endSessions'] },
	'/admin/audit': { access: ['admin'] },
	'/admin/audit/export': { access: ['admin'], methods: ['GET'] },
	'/admin/backup': { access: ['admin'] },
	'/admin/backup/download': { access: ['admin'], methods: ['GET'] },
	'/admin/surveys': { access: ['designer'], actions: ['create'] },
	'/admin/surveys/[id]': {
		access: ['designer'],
		actions: ['settings', 'deleteResponses', 'publish', 'close', 'reopen', 'archive', 'discardDraft'],
		// Deleting responses at the end of retention is for administrators alone.
		actionAccess: { deleteResponses: ['admin'] }
	},
	'/admin/surveys/[id]/edit': { access: ['designer'], actions: ['save'] },
	'/admin/surveys/[id]/preview': { access: ['designer'] },
	'/admin/surveys/[id]/export': { access: ['designer'], methods: ['GET'] },
	'/admin/surveys/[id]/frame': { access: ['designer'] },
	'/admin/surveys/[id]/print': { access: ['designer'] },
	'/admin/surveys/[id]/invitations': { access: ['designer'], actions: ['issue', 'withdraw'] },
	'/admin/surveys/[id]/invitations/codes': { access: ['designer'], methods: ['POST'] },
	'/admin/results': { access: ['analyst'] },
	'/admin/results/[id]': { access: ['analyst'] },
	'/admin/results/[id]/crosstab': { access: ['analyst'] },
	'/admin/results/[id]/crosstab/download': { access: ['analyst'], methods: ['GET'] },
	'/admin/results/[id]/index': { access: ['analyst'] },
	'/admin/results/[id]/trend': { access: ['analyst'] },
	'/admin/results/[id]/report': { access: ['analyst'] },
	'/admin/results/[id]/response-rates': { access: ['analyst'], methods: ['GET'] },
	'/admin/results/[id]/text': { access: ['analyst'] },
	'/admin/results/[id]/weights': { access: ['analyst'], actions: ['save', 'trim', 'clear'] },
	'/admin/data': { access: ['analyst'] },
	'/admin/data/[id]': { access: ['analyst'], actions: ['prepare'] },
	'/admin/data/[id]/download': { access: ['analyst'], methods: ['GET'] },
	'/admin/paper': { access: ['clerk'] },
	'/admin/paper/[id]': { access: ['clerk'], actions: ['save'] },
	'/admin/paper/[id]/import': { access: ['clerk'], actions: ['check', 'import'] },
	'/admin/paper/[id]/template': { access: ['clerk'], methods: ['GET'] },
	'/admin/projects': { access: ['designer'], actions: ['saveProject', 'deleteProject', 'saveIndicator', 'deleteIndicator'] }
};

/** Which record an [id] in a route stands for: a throwaway user or survey of this test. */
const sampleId = (route: string) =>
	route.startsWith('/admin/surveys') ? sampleSurveyId : /^\/admin\/(data|paper|results)/.test(route) ? 1 : sampleUserId;

interface FoundRoute {
	route: string;
	kind: 'page' | 'endpoint';
	actions: string[];
	methods: string[];
}

/** The staff routes as SvelteKit sees them, from src/routes/admin. */
function findRoutes(dir = path.resolve('src/routes/admin'), base = '/admin'): FoundRoute[] {
	const found: FoundRoute[] = [];
	const files = fs.readdirSync(dir, { withFileTypes: true });
	const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');
	if (files.some((f) => f.name === '+page.svelte' || f.name === '+page.server.ts')) {
		const source = files.some((f) => f.name === '+page.server.ts') ? read('+page.server.ts') : '';
		const block = source.split('export const actions')[1] ?? '';
		found.push({
			route: base,
			kind: 'page',
			actions: [...block.matchAll(/^\t(\w+):/gm)].map((m) => m[1]),
			methods: []
		});
	}
	if (files.some((f) => f.name === '+server.ts')) {
		const methods = [...read('+server.ts').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
		found.push({ route: base, kind: 'endpoint', actions: [], methods });
	}
	for (const f of files.filter((f) => f.isDirectory())) {
		// (groups) do not appear in the URL.
		const segment = /^\(.*\)$/.test(f.name) ? '' : `/${f.name}`;
		found.push(...findRoutes(path.join(dir, f.name), `${base}${segment}`));
	}
	return found;
}

const who = ['anonymous', ...ROLES] as const;
type Who = (typeof who)[number];

function expected(access: Access, as: Who): 'allowed' | 'forbidden' | 'login' {
	if (access === 'public') return 'allowed';
	if (as === 'anonymous') return 'login';
	if (access === 'any staff' || as === 'admin' || access.includes(as)) return 'allowed';
	return 'forbidden';
}

const staff = new Map<Role, TestStaff>();
let sampleUserId = 0;
let sampleSurveyId = 0;

beforeAll(async () => {
	for (const role of ROLES) staff.set(role, await createStaff([role], `route-${role}`));
	sampleUserId = (await createStaff(['clerk'], 'route-target')).id;
	// A draft survey of its own, since allowed actions here really publish and archive.
	sampleSurveyId = writeDatabase((db) => {
		const id = Number(db.prepare("INSERT INTO survey (slug, fiscal_year) VALUES ('route-test', 2030)").run().lastInsertRowid);
		db.prepare(
			'INSERT INTO survey_version (survey_id, version, document) SELECT ?, 1, document FROM survey_version WHERE id = 1'
		).run(id);
		return id;
	});
});

async function request(as: Who, method: string, url: string): Promise<Response> {
	// A fresh session for every request: some actions (log out everywhere) end the session.
	const cookie = as === 'anonymous' ? '' : await loginCookie(staff.get(as)!);
	return fetch(`${baseUrl()}${url}`, {
		method,
		headers: { cookie, origin: baseUrl(), accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: method === 'POST' ? '' : undefined,
		redirect: 'manual'
	});
}

function outcome(res: Response): 'allowed' | 'forbidden' | 'login' | 'missing' {
	if (res.status === 403) return 'forbidden';
	// A 404 would mean the sample record was not found: the page was never really reached.
	if (res.status === 404) return 'missing';
	// The guard sends the anonymous to the login page with ?next=; a logout lands there without.
	if (res.status === 303 && res.headers.get('location')?.startsWith('/admin/login?next=')) return 'login';
	return 'allowed';
}

const routes = findRoutes();

describe('staff routes and roles', () => {
	it('every staff route in src/routes has an entry in the table, with the same actions', () => {
		const described = routes.map((r) => ({
			route: r.route,
			actions: r.kind === 'page' ? (TABLE[r.route]?.actions ?? []) : undefined,
			methods: r.kind === 'endpoint' ? (TABLE[r.route]?.methods ?? []) : undefined
		}));
		const actual = routes.map((r) => ({
			route: r.route,
			actions: r.kind === 'page' ? r.actions : undefined,
			methods: r.kind === 'endpoint' ? r.methods : undefined
		}));
		expect(actual).toEqual(described);
		expect(routes.map((r) => r.route).sort()).toEqual(Object.keys(TABLE).sort());
	});

	for (const r of routes) {
		const rule = TABLE[r.route];
		if (!rule || rule.access === 'public') continue;
		const checks: [string, string, Access][] =
			r.kind === 'endpoint'
				? r.methods.map((m) => [m, r.route, rule.access])
				: [
						['GET', r.route, rule.access],
						...r.actions.map((a): [string, string, Access] => ['POST', a === 'default' ? r.route : `${r.route}?/${a}`, rule.actionAccess?.[a] ?? rule.access])
					];
		for (const [method, pattern, access] of checks)
			it(`${method} ${pattern}`, async () => {
				// The sample records exist only once beforeAll has run.
				const target = pattern.replace('[id]', String(sampleId(r.route)));
				const results: Record<string, string> = {};
				const wanted: Record<string, string> = {};
				for (const as of who) {
					results[as] = outcome(await request(as, method, target));
					wanted[as] = expected(access, as);
				}
				expect(results).toEqual(wanted);
			});
	}
});
