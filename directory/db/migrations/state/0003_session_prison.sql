-- The prison a session's place names (NOMIS code), so that MORE pages keep "VISITS LEWES"
-- in the same order as the first page (that prison's visiting entry first).
ALTER TABLE sms_session ADD COLUMN prison TEXT;
