// Priority projects (重点プロジェクト) and their indicators, which designers edit and the
// results pages compute for each survey edition.
import type { DB } from './db';
import { ConditionSchema, type Condition, type Question, type Questionnaire } from '$lib/survey/schema';

export interface Indicator {
	id: number;
	projectId: number;
	name: string;
	questionKey: string;
	rowKey: string;
	codes: number[];
	base: Condition | null;
	/** The stored base is not a condition (saved before conditions were checked): nothing can be counted. */
	unreadableBase?: true;
	target: number | null;
	targetYear: number | null;
	unit: string;
	position: number;
}

export interface Project {
	id: number;
	number: number;
	name: string;
	description: string;
	indicators: Indicator[];
}

interface IndicatorRow {
	id: number;
	project_id: number;
	name: string;
	question_key: string;
	row_key: string;
	codes: string;
	base: string | null;
	target: number | null;
	target_year: number | null;
	unit: string;
	position: number;
}

/** A stored base read by the schema: an earlier release saved whatever JSON was typed. */
function readBase(json: string | null): Pick<Indicator, 'base' | 'unreadableBase'> {
	if (json === null) return { base: null };
	const parsed = ConditionSchema.safeParse(JSON.parse(json));
	return parsed.success ? { base: parsed.data } : { base: null, unreadableBase: true };
}

const toIndicator = (r: IndicatorRow): Indicator => ({
	id: r.id,
	projectId: r.project_id,
	name: r.name,
	questionKey: r.question_key,
	rowKey: r.row_key,
	codes: JSON.parse(r.codes),
	...readBase(r.base),
	target: r.target,
	targetYear: r.target_year,
	unit: r.unit,
	position: r.position
});

export function list(db: DB): Project[] {
	const projects = db.prepare('SELECT id, number, name, description FROM priority_project ORDER BY number').all() as Omit<Project, 'indicators'>[];
	const indicators = (db.prepare('SELECT * FROM indicator ORDER BY position, id').all() as IndicatorRow[]).map(toIndicator);
	return projects.map((p) => ({ ...p, indicators: indicators.filter((i) => i.projectId === p.id) }));
}

export function saveProject(db: DB, p: { id?: number; number: number; name: string; description: string }): number {
	if (p.id) {
		db.prepare('UPDATE priority_project SET number = ?, name = ?, description = ? WHERE id = ?').run(p.number, p.name, p.description, p.id);
		return p.id;
	}
	return Number(
		db.prepare('INSERT INTO priority_project (number, name, description) VALUES (?, ?, ?)').run(p.number, p.name, p.description).lastInsertRowid
	);
}

export function deleteProject(db: DB, id: number): void {
	db.prepare('DELETE FROM priority_project WHERE id = ?').run(id);
}

export const numberTaken = (db: DB, number: number, exceptId = 0) =>
	!!db.prepare('SELECT 1 FROM priority_project WHERE number = ? AND id != ?').get(number, exceptId);

export function saveIndicator(db: DB, i: Omit<Indicator, 'id' | 'position'> & { id?: number }): number {
	const values = [i.name, i.questionKey, i.rowKey, JSON.stringify(i.codes), i.base ? JSON.stringify(i.base) : null, i.target, i.targetYear, i.unit];
	if (i.id) {
		db.prepare(
			'UPDATE indicator SET name = ?, question_key = ?, row_key = ?, codes = ?, base = ?, target = ?, target_year = ?, unit = ? WHERE id = ? AND project_id = ?'
		).run(...values, i.id, i.projectId);
		return i.id;
	}
	const position = (db.prepare('SELECT coalesce(max(position), 0) + 1 FROM indicator WHERE project_id = ?').pluck().get(i.projectId) as number);
	return Number(
		db.prepare(
			'INSERT INTO indicator (name, question_key, row_key, codes, base, target, target_year, unit, project_id, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
		).run(...values, i.projectId, position).lastInsertRowid
	);
}

export function deleteIndicator(db: DB, id: number): void {
	db.prepare('DELETE FROM indicator WHERE id = ?').run(id);
}

/** Every question of every published questionnaire, by key (the newest version's): what an indicator may count or name. */
export function askedQuestions(db: DB): Question[] {
	const byKey = new Map<string, Question>();
	const documents = db.prepare('SELECT document FROM survey_version WHERE published_at IS NOT NULL ORDER BY id').pluck().all() as string[];
	for (const json of documents)
		for (const s of (JSON.parse(json) as Questionnaire).sections) for (const q of s.questions) byKey.set(q.key, q);
	return [...byKey.values()];
}
