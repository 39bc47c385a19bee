-- Wrong staff PINs in a row, kept across restarts: a power cycle must not give a patient
-- visitor five free guesses again, nor end the wait they have earned. One row (id 1) while
-- any wrong PIN has not yet been followed by the right one; no PIN or digit is ever stored.
CREATE TABLE pin_tries (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    wrong       INTEGER NOT NULL,         -- wrong PINs in a row since the last right one
    last_wrong  REAL NOT NULL             -- when the last one was typed (Unix seconds, UTC)
);
