-- Staff accounts, their roles and sessions, and the audit log.

-- A member of staff who logs in. Residents never have accounts.
CREATE TABLE staff_user (
	id INTEGER PRIMARY KEY,
	-- The login id: an e-mail address, compared without regard to case.
	email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(email) BETWEEN 3 AND 254),
	display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
	-- argon2id (PHC string); the password itself is never stored.
	password_hash TEXT NOT NULL,
	-- Set for a first or reset password: the user must choose a new one before anything else.
	must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
	-- A disabled account cannot log in and has no sessions.
	disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	password_changed_at TEXT
) STRICT;

-- What a user may do. admin: accounts, settings, everything; designer: questionnaires and
-- invitations; analyst: results and raw exports; clerk: paper data entry only.
CREATE TABLE staff_role (
	user_id INTEGER NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('admin', 'designer', 'analyst', 'clerk')),
	PRIMARY KEY (user_id, role)
) STRICT, WITHOUT ROWID;

-- A logged-in browser. The id is the SHA-256 (hex) of the random token in the cookie, so a
-- copy of the database yields no usable cookie.
CREATE TABLE staff_session (
	id TEXT PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
	-- Unix time in milliseconds: the absolute end, pushed forward when half has passed.
	expires_at INTEGER NOT NULL,
	-- Unix time in milliseconds of the last request, for the idle timeout.
	last_used_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX staff_session_by_user ON staff_session (user_id);

-- Who did what, when: logins, account and role changes, publishing, exports, raw-data views.
-- Never a resident's answers.
CREATE TABLE audit_event (
	id INTEGER PRIMARY KEY,
	at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	-- The member of staff, if known (kept when the account is later deleted).
	actor_id INTEGER REFERENCES staff_user (id) ON DELETE SET NULL,
	-- The login id as given at the time ('' for the system itself).
	actor TEXT NOT NULL DEFAULT '',
	-- A dotted verb, e.g. 'login.failure', 'user.roles', 'survey.publish', 'export.raw'.
	action TEXT NOT NULL,
	-- What it was done to, e.g. 'user:3' or 'survey:digital-2022'.
	target TEXT NOT NULL DEFAULT '',
	-- Further facts as JSON (never answers).
	detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
) STRICT;

CREATE INDEX audit_event_by_time ON audit_event (at);
CREATE INDEX audit_event_by_action ON audit_event (action, at);
