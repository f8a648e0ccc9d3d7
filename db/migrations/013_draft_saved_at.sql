-- When a draft was last saved, so the editor can say so (「下書き 第2版：自動保存済み（14:05）」).
-- NULL for a version not saved since it was created (created_at then says when); a published
-- version keeps the time its draft was last saved.
ALTER TABLE survey_version ADD COLUMN saved_at TEXT;
