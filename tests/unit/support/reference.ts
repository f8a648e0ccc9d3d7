// The figures R computed once (tests/reference/, see its README), read by the tests that compare with them.
import { readFileSync } from 'node:fs';

/** A file of tests/reference as text. */
export const referenceText = (file: string) => readFileSync(new URL(`../../reference/${file}`, import.meta.url), 'utf8');
