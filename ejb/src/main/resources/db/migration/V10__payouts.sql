-- Payout reconciliation: the processor's payouts to the firm's bank and the settled transactions each
-- one carries, as the processor lists them. A payout must equal the net of its transactions; those that
-- are card payments must be receipts on our side (the receipt's settlement_id is the transaction id).
CREATE TABLE processor_payout (
    id           VARCHAR(100)   PRIMARY KEY,
    currency     CHAR(3)        NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL,
    arrival_date DATE           NOT NULL,
    status       VARCHAR(30)    NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    fetched_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX processor_payout_arrival_idx ON processor_payout (arrival_date DESC);

CREATE TABLE payout_transaction (
    transaction_id VARCHAR(100)   PRIMARY KEY,
    payout_id      VARCHAR(100)   NOT NULL REFERENCES processor_payout (id),
    type           VARCHAR(40)    NOT NULL,
    currency       CHAR(3)        NOT NULL,
    net            NUMERIC(19, 4) NOT NULL
);
CREATE INDEX payout_transaction_payout_idx ON payout_transaction (payout_id);

-- The sandbox processor's own record of which transactions each of its payouts carried.
CREATE TABLE sandbox_payout_item (
    txn_id     VARCHAR(64) PRIMARY KEY,
    payout_id  VARCHAR(64) NOT NULL
);
CREATE INDEX sandbox_payout_item_payout_idx ON sandbox_payout_item (payout_id);
