// The baseline for the submissions benchmark: a bare node:http server that does only what no
// handler can avoid. It parses the same form body, makes the same rows (a submission key, and
// the response's answers sealed and padded in the pool, as response-pool.ts stores them) and
// writes them in one durable transaction (WAL, synchronous=FULL), then answers 303. No
// framework, no checking of answers, no page. Run as its own process, as the app is:
//   node tests/bench/support/bare-submissions.mjs <database file>   → prints "Listening on <port>"
import http from 'node:http';
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

const db = new Database(process.argv[2], { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
const key = randomBytes(32);
const claim = db.prepare('INSERT INTO submission_key (key_hash, survey_id, used_on) VALUES (?, 1, ?) ON CONFLICT DO NOTHING');
const pool = db.prepare('INSERT INTO response_pool (tag, survey_id, received_on, sealed) VALUES (?, 1, ?, ?)');
const META = new Set(['consent', 'versionId', 'lang', 'submissionKey']);

function sealed(json) {
	const text = Buffer.from(json);
	let size = 2048;
	while (size < text.length + 4) size *= 2;
	const padded = Buffer.alloc(size);
	padded.writeUInt32BE(text.length, 0);
	text.copy(padded, 4);
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	const body = Buffer.concat([cipher.update(padded), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

const store = db.transaction((form) => {
	const day = '2026-11-25';
	if (claim.run(createHash('sha256').update(form.get('submissionKey') ?? '').digest('hex'), day).changes === 0) return;
	const answers = [];
	for (const [name, value] of form) if (!META.has(name)) answers.push([name, '', Number(value) || null, null, Number(value) ? null : value]);
	pool.run(randomBytes(32), day, sealed(JSON.stringify({ id: randomBytes(16).toString('base64url'), answers })));
});

const server = http.createServer((req, res) => {
	const chunks = [];
	req.on('data', (c) => chunks.push(c));
	req.on('end', () => {
		store(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
		res.writeHead(303, { location: '/s/digital-2022/thanks' });
		res.end();
	});
});
server.listen(0, '127.0.0.1', () => console.log(`Listening on ${server.address().port}`));
