// Tests read responses as soon as they are taken; the app stores a day's only once it is over.
import type { DB } from '../../../src/lib/server/db';
import { mixPool } from '../../../src/lib/server/responses';

/** Stores every waiting response now, as the batch after their day would. */
export const storeWaiting = (db: DB): number => mixPool(db, '9999-12-31');
