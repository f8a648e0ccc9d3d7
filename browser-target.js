// The oldest browsers the resident pages' script is made for: Android's Chrome of 2020 (80) and
// the Safari of iOS 13.4. Newer syntax is rewritten for them and the few newer built-ins the
// bundle calls are supplied (src/lib/client/old-browsers.ts); a browser older still cannot
// parse the script and keeps the server's full form, which works without it.
// tests/e2e/survey-steady.test.ts checks both ends.
/** @type {string[]} */
export const BROWSER_TARGET = ['chrome80', 'safari13.1', 'firefox78', 'edge80'];
