-- Receipts and the ledger: how a payment becomes money on the firm's books.

-- A receipt: money the firm received (or a processor says it received) for a client. Integrated
-- receipts come from the processor (a notification or the receipt import), manual ones from staff.
-- One payment is one receipt whichever way it arrives first: (source, payment_reference) is unique.
CREATE SEQUENCE receipt_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE receipt (
    id                 BIGINT PRIMARY KEY,
    source             VARCHAR(20)    NOT NULL,
    method             VARCHAR(20)    NOT NULL,
    payment_reference  VARCHAR(100)   NOT NULL,
    settlement_id      VARCHAR(100),
    charge_reference   VARCHAR(100),
    client_id          BIGINT         REFERENCES client (id),
    currency           CHAR(3)        NOT NULL,
    gross              NUMERIC(19, 4) NOT NULL CHECK (gross > 0),
    fee                NUMERIC(19, 4),
    net                NUMERIC(19, 4),
    payout             VARCHAR(100),
    description        VARCHAR(500),
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    state              VARCHAR(20)    NOT NULL,
    match_kind         VARCHAR(20)    NOT NULL,
    match_reason       VARCHAR(500),
    state_reason       VARCHAR(500),
    unapplied          NUMERIC(19, 4) NOT NULL DEFAULT 0,
    decided_by         VARCHAR(100),
    decided_at         TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version            BIGINT         NOT NULL DEFAULT 0,
    UNIQUE (source, payment_reference)
);
CREATE UNIQUE INDEX receipt_settlement_idx ON receipt (source, settlement_id) WHERE settlement_id IS NOT NULL;
CREATE INDEX receipt_state_idx ON receipt (state, received_at);
CREATE INDEX receipt_client_idx ON receipt (client_id);
CREATE INDEX receipt_payout_idx ON receipt (payout) WHERE payout IS NOT NULL;

-- How a receipt is split over invoices (the match, editable until it is accepted).
CREATE TABLE receipt_allocation (
    receipt_id  BIGINT         NOT NULL REFERENCES receipt (id),
    invoice_id  BIGINT         NOT NULL REFERENCES invoice (id),
    amount      NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (receipt_id, invoice_id)
);
CREATE INDEX receipt_allocation_invoice_idx ON receipt_allocation (invoice_id);

-- The client and matter ledgers, append-only: a correction is a reversing entry, never an update.
-- amount > 0 raises what the client owes (an invoice), amount < 0 lowers it (a receipt, a credit).
-- Entries without a matter are the client's unapplied credit.
CREATE SEQUENCE ledger_entry_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE ledger_entry (
    id           BIGINT PRIMARY KEY,
    client_id    BIGINT         NOT NULL REFERENCES client (id),
    matter_id    BIGINT         REFERENCES matter (id),
    invoice_id   BIGINT         REFERENCES invoice (id),
    receipt_id   BIGINT         REFERENCES receipt (id),
    kind         VARCHAR(30)    NOT NULL,
    description  VARCHAR(300)   NOT NULL,
    currency     CHAR(3)        NOT NULL,
    amount       NUMERIC(19, 4) NOT NULL,
    posted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    posted_by    VARCHAR(100)   NOT NULL
);
CREATE INDEX ledger_entry_client_idx ON ledger_entry (client_id, posted_at, id);
CREATE INDEX ledger_entry_matter_idx ON ledger_entry (matter_id, posted_at, id);
CREATE INDEX ledger_entry_receipt_idx ON ledger_entry (receipt_id);

-- Invoices finalised before the ledger existed: their entry, and the void of the voided ones.
INSERT INTO ledger_entry (id, client_id, matter_id, invoice_id, kind, description, currency, amount, posted_at, posted_by)
SELECT nextval('ledger_entry_seq'), m.client_id, m.id, i.id, 'INVOICE', 'Invoice ' || i.number, i.currency, i.total,
       i.finalised_at, i.created_by
FROM invoice i JOIN matter m ON m.id = i.matter_id WHERE i.state <> 'DRAFT';
INSERT INTO ledger_entry (id, client_id, matter_id, invoice_id, kind, description, currency, amount, posted_at, posted_by)
SELECT nextval('ledger_entry_seq'), m.client_id, m.id, i.id, 'VOID', 'Invoice ' || i.number || ' voided', i.currency, -i.total,
       i.voided_at, i.created_by
FROM invoice i JOIN matter m ON m.id = i.matter_id WHERE i.state = 'VOID';

-- Who did what and when to an invoice, a receipt or a setting. Append-only.
CREATE SEQUENCE audit_event_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE audit_event (
    id          BIGINT PRIMARY KEY,
    at          TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    subject     VARCHAR(40)   NOT NULL,
    subject_id  VARCHAR(100)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    detail      VARCHAR(1000)
);
CREATE INDEX audit_event_subject_idx ON audit_event (subject, subject_id, at);
CREATE INDEX audit_event_at_idx ON audit_event (at);
