-- Invitation codes are now kept as HMAC-SHA-256 under a key that is never in the database (an
-- environment variable or a key file beside it), so a copy of the database or a backup no
-- longer gives away unused codes to whoever tries all 10^12 of them. Batches issued before
-- keep their plain SHA-256 hashes (there is no way to re-key a hash) and are marked so; their
-- codes still work, and the invitations page offers to withdraw and re-issue them.
ALTER TABLE invitation_batch ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0 CHECK (keyed IN (0, 1));
