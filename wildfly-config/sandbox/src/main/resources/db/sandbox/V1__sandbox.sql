-- The sandbox processor's own records (test mode only), in its own schema and under its own
-- migrations: they are the processor's, not the firm's books, and a production server (sandbox off)
-- never creates them. Objects are Stripe-shaped JSON documents.
CREATE TABLE objects (
    id        VARCHAR(64)  PRIMARY KEY,
    type      VARCHAR(40)  NOT NULL,
    created   BIGINT       NOT NULL,
    body      TEXT         NOT NULL
);
CREATE INDEX objects_type_idx ON objects (type, created, id);

CREATE TABLE idempotency_keys (
    key         VARCHAR(255) PRIMARY KEY,
    request     VARCHAR(255) NOT NULL,
    status      INTEGER      NOT NULL,
    body        TEXT         NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Events waiting for delivery to the webhook endpoint; delivered at least once.
CREATE SEQUENCE event_seq;
CREATE TABLE events (
    seq           BIGINT       PRIMARY KEY,
    id            VARCHAR(64)  NOT NULL UNIQUE,
    body          TEXT         NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    next_attempt  TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at  TIMESTAMP WITH TIME ZONE,
    last_error    TEXT
);
CREATE INDEX events_pending_idx ON events (next_attempt) WHERE delivered_at IS NULL;

-- Which settled transactions each of its payouts carried.
CREATE TABLE payout_items (
    txn_id     VARCHAR(64) PRIMARY KEY,
    payout_id  VARCHAR(64) NOT NULL
);
CREATE INDEX payout_items_payout_idx ON payout_items (payout_id);
