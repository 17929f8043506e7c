-- Payment notifications from processors and the processor payments they describe.

-- The inbox: every verified notification, raw, once per processor event id. A redelivered webhook
-- hits the unique key and goes no further.
CREATE SEQUENCE payment_notification_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE payment_notification (
    id              BIGINT PRIMARY KEY,
    processor       VARCHAR(20)  NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    event_type      VARCHAR(100) NOT NULL,
    payload         BYTEA        NOT NULL,
    signed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome         VARCHAR(20)  NOT NULL DEFAULT 'RECEIVED',
    outcome_reason  TEXT,
    processed_at    TIMESTAMP WITH TIME ZONE,
    UNIQUE (processor, event_id)
);

-- A payment at the processor, keyed by its PaymentIntent (or, when only that is known, its charge).
-- Its state is derived from the facts below, which only ever grow (see PaymentFacts).
CREATE SEQUENCE processor_payment_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE processor_payment (
    id              BIGINT PRIMARY KEY,
    processor       VARCHAR(20)    NOT NULL,
    payment_intent  VARCHAR(255),
    charge          VARCHAR(255),
    currency        CHAR(3),
    amount          NUMERIC(19, 4),
    state           VARCHAR(20)    NOT NULL,
    succeeded       BOOLEAN        NOT NULL DEFAULT FALSE,
    failed          BOOLEAN        NOT NULL DEFAULT FALSE,
    failure_reason  TEXT,
    refunded        NUMERIC(19, 4) NOT NULL DEFAULT 0,
    dispute_opened  BOOLEAN        NOT NULL DEFAULT FALSE,
    dispute_won     BOOLEAN        NOT NULL DEFAULT FALSE,
    dispute_lost    BOOLEAN        NOT NULL DEFAULT FALSE,
    metadata        TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT         NOT NULL DEFAULT 0,
    UNIQUE (processor, payment_intent),
    UNIQUE (processor, charge)
);

-- Each notification's effect on a payment, recorded once.
CREATE TABLE processor_payment_change (
    payment_id       BIGINT      NOT NULL REFERENCES processor_payment (id),
    notification_id  BIGINT      NOT NULL REFERENCES payment_notification (id),
    state_after      VARCHAR(20) NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (payment_id, notification_id)
);
