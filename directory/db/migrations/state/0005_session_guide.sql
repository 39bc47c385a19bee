-- The guide section a sender was last answered with ("prison:LWI:bring", "stage:court:scotland"),
-- so that WRONG straight after it is counted against that section (issue 15).
ALTER TABLE sms_session ADD COLUMN guide TEXT;
