// The bundled survey on a temporary SQLite file, grown with generated (synthetic) responses to
// the sizes a benchmark measures at; closed and removed after the file's tests.
import { afterAll, beforeAll } from 'vitest';
import { openDatabase, type DB } from '../../../src/lib/server/db';
import * as surveys from '../../../src/lib/server/surveys';
import { addSynthetic } from '../../../src/lib/server/synthetic-responses';
import { tempDatabasePath } from '../../unit/support/temp-db';

export interface GeneratedSurvey {
	readonly db: DB;
	readonly surveyId: number;
	/** The database file, for the exports' own read-only connections. */
	readonly file: string;
	/** Adds generated responses until the survey has `size`. */
	growTo(size: number): void;
}

export function generatedSurvey(): GeneratedSurvey {
	const temp = tempDatabasePath();
	let stored = 0;
	const survey = {
		db: undefined as unknown as DB,
		surveyId: 0,
		file: temp.file,
		growTo(size: number) {
			addSynthetic(survey.db, survey.surveyId, { count: size - stored, seed: 2022 + stored, from: '2022-10-01', to: '2022-10-31' });
			stored = size;
		}
	};
	beforeAll(() => {
		survey.db = openDatabase(temp.file);
		surveys.installBundled(survey.db);
		survey.surveyId = surveys.findPublished(survey.db, 'digital-2022')!.survey.id;
	});
	afterAll(() => {
		survey.db.close();
		temp.remove();
	});
	return survey;
}
