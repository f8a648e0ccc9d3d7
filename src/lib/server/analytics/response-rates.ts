// A survey's response rates (src/lib/analytics/response-rates.ts) from what was handed out: its
// batches of invitation codes (withdrawn codes left out) and the number the designer entered
// for questionnaires given out without codes.
import type { DB } from '../db';
import type { Survey } from '../surveys';
import * as invitations from '../invitations';
import type { Dataset } from '$lib/analytics/dataset';
import { responseRates, type Distribution } from '$lib/analytics/response-rates';
import { CHANNEL_NAMES } from '$lib/analytics/labels';

export function distributionOf(db: DB, survey: Survey): Distribution {
	return {
		batches: invitations.batches(db, survey.id).map((b) => ({ letters: b.used + b.unused, stratum: b.stratum })),
		withoutCodes: survey.distributedWithoutCodes
	};
}

/** The rates of a survey whose dataset the page already holds. */
export const responseRatesOf = (db: DB, survey: Survey, data: Dataset) =>
	responseRates(data, distributionOf(db, survey), survey.minCellSize, CHANNEL_NAMES);
