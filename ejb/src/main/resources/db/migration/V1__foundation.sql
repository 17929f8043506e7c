-- Quittance foundation schema: firm, people, clients and matters, unbilled work, and the
-- infrastructure tables (mail outbox, processed messages). Identifiers come from sequences
-- (EclipseLink allocates 50 at a time and reads nextval as the top of the block, hence START WITH 50); money is NUMERIC with its currency beside it.

CREATE SEQUENCE firm_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE firm (
    id                  BIGINT PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    address             TEXT,
    default_currency    CHAR(3)      NOT NULL,
    payment_terms_days  INTEGER      NOT NULL DEFAULT 30,
    version             BIGINT       NOT NULL DEFAULT 0
);

CREATE SEQUENCE staff_user_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE staff_user (
    id                   BIGINT PRIMARY KEY,
    username             VARCHAR(100) NOT NULL UNIQUE CHECK (username = lower(username)),
    display_name         VARCHAR(200) NOT NULL,
    email                VARCHAR(320) NOT NULL,
    password_hash        VARCHAR(100) NOT NULL,
    password_salt        VARCHAR(100) NOT NULL,
    password_iterations  INTEGER      NOT NULL,
    enabled              BOOLEAN      NOT NULL DEFAULT TRUE,
    version              BIGINT       NOT NULL DEFAULT 0
);
CREATE TABLE staff_user_role (
    staff_user_id  BIGINT      NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    role           VARCHAR(30) NOT NULL,
    PRIMARY KEY (staff_user_id, role)
);

CREATE SEQUENCE client_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE client (
    id       BIGINT PRIMARY KEY,
    name     VARCHAR(200) NOT NULL,
    kind     VARCHAR(20)  NOT NULL,
    version  BIGINT       NOT NULL DEFAULT 0
);

CREATE SEQUENCE contact_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE contact (
    id               BIGINT PRIMARY KEY,
    client_id        BIGINT       NOT NULL REFERENCES client (id),
    name             VARCHAR(200) NOT NULL,
    email            VARCHAR(320),
    billing_contact  BOOLEAN      NOT NULL DEFAULT FALSE,
    version          BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX contact_client_idx ON contact (client_id);
-- At most one billing contact per client.
CREATE UNIQUE INDEX contact_one_billing_idx ON contact (client_id) WHERE billing_contact;

CREATE SEQUENCE portal_user_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE portal_user (
    id                   BIGINT PRIMARY KEY,
    contact_id           BIGINT       NOT NULL UNIQUE REFERENCES contact (id),
    email                VARCHAR(320) NOT NULL UNIQUE CHECK (email = lower(email)),
    state                VARCHAR(20)  NOT NULL,
    password_hash        VARCHAR(100),
    password_salt        VARCHAR(100),
    password_iterations  INTEGER,
    failed_logins        INTEGER      NOT NULL DEFAULT 0,
    locked_until         TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL DEFAULT 0
);

CREATE SEQUENCE matter_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE matter (
    id                    BIGINT PRIMARY KEY,
    client_id             BIGINT       NOT NULL REFERENCES client (id),
    number                VARCHAR(30)  NOT NULL UNIQUE,
    title                 VARCHAR(200) NOT NULL,
    currency              CHAR(3)      NOT NULL,
    hourly_rate           NUMERIC(19, 4) NOT NULL,
    responsible_staff_id  BIGINT       REFERENCES staff_user (id),
    version               BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX matter_client_idx ON matter (client_id);

CREATE SEQUENCE time_entry_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE time_entry (
    id             BIGINT PRIMARY KEY,
    matter_id      BIGINT         NOT NULL REFERENCES matter (id),
    staff_user_id  BIGINT         NOT NULL REFERENCES staff_user (id),
    work_date      DATE           NOT NULL,
    hours          NUMERIC(7, 2)  NOT NULL CHECK (hours > 0),
    rate_amount    NUMERIC(19, 4) NOT NULL CHECK (rate_amount >= 0),
    rate_currency  CHAR(3)        NOT NULL,
    narrative      TEXT           NOT NULL,
    billed         BOOLEAN        NOT NULL DEFAULT FALSE,
    version        BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX time_entry_unbilled_idx ON time_entry (matter_id) WHERE NOT billed;

CREATE SEQUENCE expense_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE expense (
    id               BIGINT PRIMARY KEY,
    matter_id        BIGINT         NOT NULL REFERENCES matter (id),
    incurred_on      DATE           NOT NULL,
    description      TEXT           NOT NULL,
    amount           NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
    amount_currency  CHAR(3)        NOT NULL,
    billed           BOOLEAN        NOT NULL DEFAULT FALSE,
    version          BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX expense_unbilled_idx ON expense (matter_id) WHERE NOT billed;

-- Every outgoing e-mail, whether or not an SMTP server is configured. message_key makes
-- "send this once" a database constraint.
CREATE SEQUENCE mail_outbox_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE mail_outbox (
    id            BIGINT PRIMARY KEY,
    message_key   VARCHAR(200) NOT NULL UNIQUE,
    recipient     VARCHAR(320) NOT NULL,
    subject       VARCHAR(300) NOT NULL,
    body          TEXT         NOT NULL,
    state         VARCHAR(20)  NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    last_error    TEXT,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX mail_outbox_pending_idx ON mail_outbox (created_at) WHERE state = 'PENDING';

-- Idempotent consumers: a message key is processed once per queue, however often it is delivered.
CREATE TABLE processed_message (
    queue         VARCHAR(100) NOT NULL,
    message_key   VARCHAR(200) NOT NULL,
    message_type  VARCHAR(100) NOT NULL,
    processed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (queue, message_key)
);
