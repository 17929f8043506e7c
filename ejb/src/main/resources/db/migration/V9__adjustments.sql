-- Adjustments staff make to what a client owes, each with its reason: write-offs and credit memos
-- (on an invoice, or a credit memo as credit to the client), unapplied credit applied to a later
-- invoice, and credit refunded. The staff form's key makes a double click one adjustment. The ledger
-- entries they post carry the amounts; this row keeps the decision.
CREATE SEQUENCE adjustment_seq INCREMENT BY 50 START WITH 50;

CREATE TABLE adjustment (
    id          BIGINT         PRIMARY KEY,
    kind        VARCHAR(20)    NOT NULL,
    client_id   BIGINT         NOT NULL REFERENCES client (id),
    invoice_id  BIGINT         REFERENCES invoice (id),
    currency    CHAR(3)        NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    reason      VARCHAR(300)   NOT NULL,
    entry_key   VARCHAR(64)    NOT NULL UNIQUE,
    created_by  VARCHAR(100)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX adjustment_client_idx ON adjustment (client_id, created_at);
