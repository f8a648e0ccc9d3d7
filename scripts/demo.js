#!/usr/bin/env node
// `npm run demo`: fills clearly labelled synthetic responses (3,000 by default) into the bundled
// FY2022 survey and a FY2023 demo edition cloned from it, in the database the app uses
// (DATABASE_PATH, default db/survey.sqlite). `npm run demo -- --remove` deletes every
// synthetic response and the demo edition. `--count=N` changes the number per edition.
// The server code is loaded through Vite, so the script runs the same modules as the app.
import path from 'node:path';
import { createServer } from 'vite';

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const args = process.argv.slice(2);
const remove = args.includes('--remove');
const countArg = args.find((a) => a.startsWith('--count='));
const count = countArg ? Number(countArg.slice('--count='.length)) : 3000;
if (!Number.isInteger(count) || count < 1 || count > 200_000) {
	console.error('--count は 1 から 200000 までの整数にしてください。');
	process.exit(2);
}

process.chdir(root);
const vite = await createServer({ root, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom' });
try {
	const { db } = await vite.ssrLoadModule('/src/lib/server/db.ts');
	const demo = await vite.ssrLoadModule('/src/lib/server/demo.ts');
	const started = Date.now();
	if (remove) {
		const r = demo.removeDemo(db());
		console.log(`合成データ ${r.responses} 件を削除しました${r.demoSurveyRemoved ? '（デモ用の2023年度調査も削除）' : ''}。`);
	} else {
		const r = demo.fillDemo(db(), count);
		console.log(
			`合成データ（デモ用）を追加しました：2022年度 ${r.edition2022.added} 件（/admin/results/${r.edition2022.surveyId}）、` +
				`2023年度デモ ${r.edition2023.added} 件（/admin/results/${r.edition2023.surveyId}）。${((Date.now() - started) / 1000).toFixed(1)} 秒。\n` +
				'実際の回答ではありません。消すには npm run demo -- --remove を実行してください。'
		);
	}
	db().close();
} finally {
	await vite.close();
}
