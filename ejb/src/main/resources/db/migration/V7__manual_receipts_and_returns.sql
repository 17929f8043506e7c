-- Manual receipts and money that goes back.

-- A cheque number is unique per client and method, not across the firm: two clients may both pay
-- with their cheque no. 1001. Processor and bank references stay unique per source.
ALTER TABLE receipt DROP CONSTRAINT receipt_source_payment_reference_key;
CREATE UNIQUE INDEX receipt_reference_idx ON receipt (source, payment_reference) WHERE source <> 'MANUAL';
CREATE UNIQUE INDEX receipt_manual_reference_idx ON receipt (client_id, method, payment_reference) WHERE source = 'MANUAL';

-- The key of the staff form that entered a receipt: the same form saved twice (a double click, a
-- retried request) finds the first receipt instead of making a second.
ALTER TABLE receipt ADD COLUMN entry_key VARCHAR(64);
CREATE UNIQUE INDEX receipt_entry_key_idx ON receipt (entry_key) WHERE entry_key IS NOT NULL;

-- What of the receipt went back to the client: refunds (cumulative, as processors report them) and
-- money withdrawn by a chargeback until the dispute is won.
ALTER TABLE receipt ADD COLUMN refunded NUMERIC(19, 4) NOT NULL DEFAULT 0 CHECK (refunded >= 0);
ALTER TABLE receipt ADD COLUMN disputed BOOLEAN NOT NULL DEFAULT FALSE;

-- Refunds staff issued through the processor, one row per refund: the staff form's key makes a
-- double click refund once, at the processor (its idempotency key) and on the books.
CREATE TABLE receipt_refund (
    refund_id   VARCHAR(100)   PRIMARY KEY,
    receipt_id  BIGINT         NOT NULL REFERENCES receipt (id),
    entry_key   VARCHAR(64)    NOT NULL UNIQUE,
    currency    CHAR(3)        NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    reason      VARCHAR(300)   NOT NULL,
    created_by  VARCHAR(100)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX receipt_refund_receipt_idx ON receipt_refund (receipt_id);
