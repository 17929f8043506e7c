-- The sandbox's clock (test mode): how far its time for bank debits is ahead of the real one. The lever
-- on its page and /v1/test_helpers/clock/advance move it, so that a debit reaches its settlement day
-- in a demo or a test instead of after three working days.
CREATE TABLE clock (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    offset_seconds  BIGINT  NOT NULL
);
INSERT INTO clock VALUES (1, 0);

-- Bank debits: processing until settles_at (sandbox time), then succeeded or failed as the test account
-- says; a returned one is taken back by the bank at returns_at, after it succeeded.
CREATE TABLE debits (
    payment_intent  VARCHAR(64) PRIMARY KEY,
    charge          VARCHAR(64) NOT NULL,
    outcome         VARCHAR(10) NOT NULL,
    state           VARCHAR(12) NOT NULL DEFAULT 'PROCESSING',
    settles_at      BIGINT      NOT NULL,
    returns_at      BIGINT
);
CREATE INDEX debits_due_idx ON debits (settles_at) WHERE state IN ('PROCESSING', 'SUCCEEDED');
