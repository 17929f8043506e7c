-- A settlement file's transactions, checked and kept line by line as the upload streams in (COPY),
-- instead of the file's bytes: a year's file of a large firm has a million lines, which neither a
-- request nor the import job may hold in memory at once. The job reads them a page at a time.
-- Files kept before this keep their bytes (and are read from them).
CREATE TABLE settlement_line (
    file_id         BIGINT         NOT NULL,
    line            INTEGER        NOT NULL,
    transaction_id  VARCHAR(100)   NOT NULL,
    type            VARCHAR(100)   NOT NULL,
    source          VARCHAR(100),
    payment_id      VARCHAR(100),
    currency        CHAR(3)        NOT NULL,
    gross           NUMERIC(19, 4) NOT NULL,
    fee             NUMERIC(19, 4) NOT NULL,
    net             NUMERIC(19, 4) NOT NULL,
    created         TIMESTAMP WITH TIME ZONE NOT NULL,
    payout          VARCHAR(100),
    metadata        TEXT,
    description     TEXT,
    PRIMARY KEY (file_id, line)
);

ALTER TABLE settlement_file ALTER COLUMN content DROP NOT NULL;
