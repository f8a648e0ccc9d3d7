// The least a resident sends to the bundled survey besides consent and the form's keys: its
// required questions.
export const LEAST_ANSWERS = { lang: 'ja', F1: '7', F3: '20', F4: '2', D2: '1' } as const;
