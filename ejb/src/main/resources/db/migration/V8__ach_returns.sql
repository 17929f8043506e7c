-- Returns and notifications of change from the firm's bank (NACHA ACH files), one row per entry sent
-- back, with what it did to the books. An original entry is returned once per code: the same return in
-- a file sent again changes nothing twice.
CREATE SEQUENCE ach_return_seq INCREMENT BY 50 START WITH 50;

CREATE TABLE ach_return (
    id              BIGINT         PRIMARY KEY,
    file_id         VARCHAR(60)    NOT NULL,
    file_name       VARCHAR(200)   NOT NULL,
    line            INTEGER        NOT NULL,
    kind            VARCHAR(20)    NOT NULL,
    code            CHAR(3)        NOT NULL,
    original_trace  VARCHAR(15)    NOT NULL,
    trace           VARCHAR(15)    NOT NULL,
    debit           BOOLEAN        NOT NULL,
    currency        CHAR(3)        NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
    name            VARCHAR(22)    NOT NULL,
    detail          VARCHAR(44)    NOT NULL,
    outcome         VARCHAR(20)    NOT NULL,
    note            VARCHAR(500)   NOT NULL,
    receipt_id      BIGINT         REFERENCES receipt (id),
    imported_by     VARCHAR(100)   NOT NULL,
    imported_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    UNIQUE (kind, original_trace, code)
);
CREATE INDEX ach_return_imported_idx ON ach_return (imported_at DESC);
