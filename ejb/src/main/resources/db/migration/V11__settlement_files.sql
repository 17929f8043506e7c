-- Settlement files staff upload from the processor's dashboard, kept as uploaded: the import job reads
-- its transactions from here (and again from here when it restarts). The same file (by its SHA-256)
-- is imported once.
CREATE SEQUENCE settlement_file_seq INCREMENT BY 1;

CREATE TABLE settlement_file (
    id            BIGINT        PRIMARY KEY,
    name          VARCHAR(200)  NOT NULL,
    sha256        CHAR(64)      NOT NULL UNIQUE,
    content       BYTEA         NOT NULL,
    transactions  INTEGER       NOT NULL,
    execution_id  BIGINT,
    uploaded_by   VARCHAR(100)  NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
