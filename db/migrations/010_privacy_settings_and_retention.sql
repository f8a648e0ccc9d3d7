-- What the consent page and the public privacy page say that is a setting of the survey, not
-- text of its questionnaire, so that it is edited in one place and is never out of step with
-- what the system does: the contact (office, phone, hours, in three languages), the minutes
-- answering takes, and how long responses are kept after the survey closes. And what retention
-- needs: when a survey without a closing time was closed, and when its responses were deleted.

-- Years responses are kept after the survey closes; then an administrator deletes them.
ALTER TABLE survey ADD COLUMN retention_years INTEGER NOT NULL DEFAULT 5 CHECK (retention_years BETWEEN 1 AND 30);
-- About how many minutes answering takes, as residents are told before they start.
ALTER TABLE survey ADD COLUMN minutes INTEGER NOT NULL DEFAULT 10 CHECK (minutes BETWEEN 1 AND 120);
-- The contact residents are given (JSON: {"office": Text, "phone": "...", "hours": Text}, Text
-- being {"ja": ..., "easy"?: ..., "en"?: ...}); NULL until the designer fills it in.
ALTER TABLE survey ADD COLUMN contact TEXT CHECK (contact IS NULL OR json_valid(contact));
-- When the survey was closed by hand (ISO time, UTC): retention runs from closes_at, or from this.
ALTER TABLE survey ADD COLUMN closed_at TEXT;
-- When an administrator deleted its responses at the end of retention (ISO time, UTC).
ALTER TABLE survey ADD COLUMN responses_deleted_at TEXT;
