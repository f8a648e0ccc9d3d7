// Limits shared by the schema (server) and the answer checks (browser and server). Kept apart
// from schema.ts so the resident's page does not download the schema library.

/** The longest text a resident may write in one answer. */
export const TEXT_LIMIT = 2000;
