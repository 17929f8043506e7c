-- A bank's BAI2 statement is no longer read whole (issue 18: a large firm's statement may have a
-- million lines). Its credits are kept as the file streams in, checked to its last line in the same
-- transaction, and the job bank-statement-import makes them bank receipts a page at a time.
CREATE SEQUENCE bank_statement_seq;

CREATE TABLE bank_statement (
    id           BIGINT PRIMARY KEY,
    name         VARCHAR(200)  NOT NULL,
    bai2_id      VARCHAR(200),                -- the 01 header's sender, date, time and file number
    credits      INTEGER       NOT NULL DEFAULT 0,
    known        INTEGER       NOT NULL DEFAULT 0,  -- credits an earlier import of the same file recorded
    received_at  TIMESTAMPTZ   NOT NULL,      -- the file's date: when its receipts were received
    uploaded_by  VARCHAR(100)  NOT NULL,
    uploaded_at  TIMESTAMPTZ   NOT NULL,
    execution_id BIGINT
);

-- A credit as the file had it, with the reference its receipt carries (unique within the file: the
-- second and later credits with the same bank reference are numbered in file order). Its statement is
-- not a foreign key, as settlement_line's file is not: the check cost a look-up per copied row, and
-- doubled the time the database took to keep a file.
CREATE TABLE bank_statement_credit (
    statement_id       BIGINT         NOT NULL,
    position           INTEGER        NOT NULL,
    line               INTEGER        NOT NULL,
    account            TEXT           NOT NULL,
    type_code          CHAR(3)        NOT NULL,
    currency           CHAR(3)        NOT NULL,
    amount             NUMERIC(19, 4) NOT NULL,
    bank_reference     TEXT           NOT NULL,
    customer_reference TEXT           NOT NULL,
    text               TEXT           NOT NULL,
    reference          VARCHAR(120)   NOT NULL,
    PRIMARY KEY (statement_id, position)
);
