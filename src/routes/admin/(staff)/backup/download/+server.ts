// A backup of the whole database (administrators only): made online, checked, sent, and
// removed from the server; written to the audit log.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { error, type RequestHandler } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import { requireStaff } from '$lib/server/auth/guard';
import { BackupCheckError, backupFileName, makeBackup } from '$lib/server/backup';
import { surveyDay } from '$lib/server/today';

export const GET: RequestHandler = async (event) => {
	const admin = requireStaff(event, 'admin');
	let backup;
	try {
		backup = await makeBackup(db());
	} catch (e) {
		if (e instanceof BackupCheckError) error(500, `バックアップの確認で問題が見つかったため、ダウンロードを中止しました（${e.message}）。`);
		throw e;
	}
	// Opened, then removed at once: the open file stays readable until it is sent, and no copy
	// of the data is left on the server even if the download is broken off.
	const fd = fs.openSync(backup.file, 'r');
	const bytes = fs.fstatSync(fd).size;
	backup.remove();
	const { responses, surveys } = backup.summary;
	audit.record(db(), admin, 'export.backup', '', { bytes, responses, surveys });
	return new Response(Readable.toWeb(fs.createReadStream('', { fd })) as ReadableStream, {
		headers: {
			'Content-Type': 'application/vnd.sqlite3',
			'Content-Length': String(bytes),
			'Content-Disposition': `attachment; filename="${backupFileName(surveyDay())}"`
		}
	});
};
