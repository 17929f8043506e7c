-- Pay Now: what the client asked to pay, and the sandbox processor's own records.

-- One press of "Continue to card payment": the invoices, the amounts, the billing address and the
-- processor's hosted checkout. The idempotency key comes from the pay form, so a double click finds
-- the checkout the first click made. Card data never comes here: the processor's page takes it.
CREATE SEQUENCE portal_checkout_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE portal_checkout (
    id                BIGINT PRIMARY KEY,
    reference         VARCHAR(40)    NOT NULL UNIQUE,
    idempotency_key   VARCHAR(80)    NOT NULL UNIQUE,
    portal_user_id    BIGINT         NOT NULL REFERENCES portal_user (id),
    client_id         BIGINT         NOT NULL REFERENCES client (id),
    currency          CHAR(3)        NOT NULL,
    amount            NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    billing_name      VARCHAR(200)   NOT NULL,
    billing_line1     VARCHAR(200)   NOT NULL,
    billing_line2     VARCHAR(200),
    billing_city      VARCHAR(100)   NOT NULL,
    billing_postcode  VARCHAR(20)    NOT NULL,
    billing_country   CHAR(2)        NOT NULL,
    processor         VARCHAR(20)    NOT NULL,
    session_id        VARCHAR(255),
    checkout_url      TEXT,
    state             VARCHAR(20)    NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX portal_checkout_client_idx ON portal_checkout (client_id, created_at);
CREATE INDEX portal_checkout_open_idx ON portal_checkout (state, created_at);

CREATE TABLE portal_checkout_allocation (
    checkout_id  BIGINT         NOT NULL REFERENCES portal_checkout (id),
    invoice_id   BIGINT         NOT NULL REFERENCES invoice (id),
    amount       NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (checkout_id, invoice_id)
);
CREATE INDEX portal_checkout_allocation_invoice_idx ON portal_checkout_allocation (invoice_id);

-- The processor payment a checkout became, and the only card facts we keep (brand and last four).
ALTER TABLE processor_payment ADD COLUMN checkout_id BIGINT REFERENCES portal_checkout (id);
ALTER TABLE processor_payment ADD COLUMN card_brand VARCHAR(30);
ALTER TABLE processor_payment ADD COLUMN card_last4 CHAR(4);
CREATE INDEX processor_payment_checkout_idx ON processor_payment (checkout_id);
CREATE INDEX processor_payment_pending_idx ON processor_payment (state, updated_at);

-- Forgotten passwords: a single-use link that expires; only the token's SHA-256 is kept.
CREATE TABLE portal_password_reset (
    token_sha256    CHAR(64)     PRIMARY KEY,
    portal_user_id  BIGINT       NOT NULL REFERENCES portal_user (id),
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The sandbox processor (test mode only) keeps its objects as Stripe-shaped JSON documents, apart
-- from the firm's books: they are the processor's records, not ours.
CREATE TABLE sandbox_object (
    id        VARCHAR(64)  PRIMARY KEY,
    type      VARCHAR(40)  NOT NULL,
    created   BIGINT       NOT NULL,
    body      TEXT         NOT NULL
);
CREATE INDEX sandbox_object_type_idx ON sandbox_object (type, created, id);

CREATE TABLE sandbox_idempotency (
    key         VARCHAR(255) PRIMARY KEY,
    request     VARCHAR(255) NOT NULL,
    status      INTEGER      NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Events waiting for delivery to the webhook endpoint; delivered at least once.
CREATE SEQUENCE sandbox_event_seq;
CREATE TABLE sandbox_event (
    seq           BIGINT       PRIMARY KEY,
    id            VARCHAR(64)  NOT NULL UNIQUE,
    body          TEXT         NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    next_attempt  TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE,
    last_error    TEXT
);
CREATE INDEX sandbox_event_pending_idx ON sandbox_event (next_attempt) WHERE delivered_at IS NULL;
