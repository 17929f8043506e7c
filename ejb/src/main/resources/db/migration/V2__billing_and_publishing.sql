-- Billing and publishing: firm settings for portal invoicing and payments, portal invitations and
-- invoice recipients, fixed fees, invoices with gap-free numbers, publish runs, and the immutable
-- published versions (snapshot + PDF) that the portal shows.

ALTER TABLE firm
    ADD COLUMN email                  VARCHAR(320),
    ADD COLUMN portal_admin_email     VARCHAR(320),
    ADD COLUMN portal_invoicing       BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN partial_payments       BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN minimum_payment        NUMERIC(19, 4),
    ADD COLUMN payment_application    VARCHAR(20)  NOT NULL DEFAULT 'REVIEW',
    ADD COLUMN invoice_number_format  VARCHAR(60)  NOT NULL DEFAULT 'INV-{YYYY}-{SEQ:5}',
    ADD COLUMN tax_label              VARCHAR(30)  NOT NULL DEFAULT 'VAT',
    ADD COLUMN tax_rate_percent       NUMERIC(7, 4) NOT NULL DEFAULT 0 CHECK (tax_rate_percent >= 0 AND tax_rate_percent < 100),
    ADD COLUMN payment_instructions   TEXT,
    ADD COLUMN logo                   BYTEA,
    ADD COLUMN logo_content_type      VARCHAR(100);

-- The firm's account at a payment processor. Secrets are AES-GCM ciphertext under the server's key;
-- only their last four characters are kept in clear, to show which key is configured.
CREATE SEQUENCE payment_account_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE payment_account (
    id                   BIGINT PRIMARY KEY,
    firm_id              BIGINT       NOT NULL UNIQUE REFERENCES firm (id),
    processor            VARCHAR(20)  NOT NULL,
    live                 BOOLEAN      NOT NULL DEFAULT FALSE,
    account_label        VARCHAR(200),
    publishable_key      VARCHAR(300),
    secret_key_cipher    TEXT,
    secret_key_hint      VARCHAR(10),
    webhook_secret_cipher TEXT,
    webhook_secret_hint  VARCHAR(10),
    last_test_at         TIMESTAMP WITH TIME ZONE,
    last_test_ok         BOOLEAN,
    last_test_message    TEXT,
    version              BIGINT       NOT NULL DEFAULT 0
);

ALTER TABLE client
    ADD COLUMN address          TEXT,
    ADD COLUMN portal_invoices  BOOLEAN NOT NULL DEFAULT FALSE;

-- A registration link: only the SHA-256 of the token is stored, so a database reader cannot use it.
CREATE SEQUENCE portal_invitation_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE portal_invitation (
    id              BIGINT PRIMARY KEY,
    portal_user_id  BIGINT      NOT NULL REFERENCES portal_user (id),
    token_sha256    CHAR(64)    NOT NULL UNIQUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    version         BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX portal_invitation_user_idx ON portal_invitation (portal_user_id);

-- The matter's rate table: a staff member's hourly rate on this matter, overriding the matter's
-- default rate (matter.hourly_rate).
CREATE TABLE matter_rate (
    matter_id      BIGINT         NOT NULL REFERENCES matter (id),
    staff_user_id  BIGINT         NOT NULL REFERENCES staff_user (id),
    rate           NUMERIC(19, 4) NOT NULL CHECK (rate >= 0),
    PRIMARY KEY (matter_id, staff_user_id)
);

-- Which portal users receive a matter's invoices.
CREATE TABLE matter_recipient (
    matter_id       BIGINT NOT NULL REFERENCES matter (id),
    portal_user_id  BIGINT NOT NULL REFERENCES portal_user (id),
    PRIMARY KEY (matter_id, portal_user_id)
);

CREATE SEQUENCE fixed_fee_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE fixed_fee (
    id               BIGINT PRIMARY KEY,
    matter_id        BIGINT         NOT NULL REFERENCES matter (id),
    agreed_on        DATE           NOT NULL,
    description      TEXT           NOT NULL,
    amount           NUMERIC(19, 4) NOT NULL CHECK (amount >= 0),
    amount_currency  CHAR(3)        NOT NULL,
    billed           BOOLEAN        NOT NULL DEFAULT FALSE,
    version          BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX fixed_fee_unbilled_idx ON fixed_fee (matter_id) WHERE NOT billed;

-- Gap-free invoice numbers: one row per numbering period, incremented under a row lock in the
-- finalising transaction, so a rolled-back finalisation gives its number back.
CREATE TABLE invoice_counter (
    period      VARCHAR(20) PRIMARY KEY,
    last_value  BIGINT      NOT NULL
);

CREATE SEQUENCE invoice_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE invoice (
    id                  BIGINT PRIMARY KEY,
    matter_id           BIGINT         NOT NULL REFERENCES matter (id),
    number              VARCHAR(60)    UNIQUE,
    state               VARCHAR(20)    NOT NULL,
    currency            CHAR(3)        NOT NULL,
    issue_date          DATE,
    due_date            DATE,
    discount_percent    NUMERIC(7, 4)  NOT NULL DEFAULT 0 CHECK (discount_percent >= 0 AND discount_percent <= 100),
    tax_rate_percent    NUMERIC(7, 4)  NOT NULL DEFAULT 0,
    tax_label           VARCHAR(30)    NOT NULL,
    subtotal            NUMERIC(19, 4) NOT NULL DEFAULT 0,
    discount            NUMERIC(19, 4) NOT NULL DEFAULT 0,
    tax                 NUMERIC(19, 4) NOT NULL DEFAULT 0,
    total               NUMERIC(19, 4) NOT NULL DEFAULT 0,
    balance_due         NUMERIC(19, 4) NOT NULL DEFAULT 0,
    replaces_id         BIGINT         REFERENCES invoice (id),
    created_by          VARCHAR(100)   NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    finalised_at        TIMESTAMP WITH TIME ZONE,
    published_at        TIMESTAMP WITH TIME ZONE,
    published_by        VARCHAR(100),
    voided_at           TIMESTAMP WITH TIME ZONE,
    void_reason         TEXT,
    version             BIGINT         NOT NULL DEFAULT 0,
    CHECK ((number IS NULL) = (state = 'DRAFT'))
);
CREATE INDEX invoice_matter_idx ON invoice (matter_id);
CREATE INDEX invoice_state_idx ON invoice (state, issue_date);

CREATE SEQUENCE invoice_line_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE invoice_line (
    id             BIGINT PRIMARY KEY,
    invoice_id     BIGINT         NOT NULL REFERENCES invoice (id) ON DELETE CASCADE,
    position       INTEGER        NOT NULL,
    kind           VARCHAR(20)    NOT NULL,
    work_date      DATE,
    description    TEXT           NOT NULL,
    quantity       NUMERIC(9, 2)  NOT NULL,
    unit_price     NUMERIC(19, 4) NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL,
    taxable        BOOLEAN        NOT NULL,
    time_entry_id  BIGINT         REFERENCES time_entry (id),
    expense_id     BIGINT         REFERENCES expense (id),
    fixed_fee_id   BIGINT         REFERENCES fixed_fee (id)
);
CREATE INDEX invoice_line_invoice_idx ON invoice_line (invoice_id);

-- A "Publish selected" request: its items record what happened to each invoice, so the screen can
-- show progress and the reasons for skipped invoices.
CREATE SEQUENCE publish_run_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE publish_run (
    id           BIGINT PRIMARY KEY,
    started_by   VARCHAR(100) NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at  TIMESTAMP WITH TIME ZONE,
    version      BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE publish_run_item (
    run_id      BIGINT       NOT NULL REFERENCES publish_run (id),
    invoice_id  BIGINT       NOT NULL REFERENCES invoice (id),
    outcome     VARCHAR(20)  NOT NULL,
    reason      TEXT,
    PRIMARY KEY (run_id, invoice_id)
);

-- The published version of an invoice: immutable once written (a trigger refuses updates except
-- the superseded marker). Corrected invoices (void and re-issue) get a new version of the same
-- document; the old one stays and is marked superseded.
CREATE SEQUENCE published_invoice_seq INCREMENT BY 50 START WITH 50;
CREATE TABLE published_invoice (
    id              BIGINT PRIMARY KEY,
    invoice_id      BIGINT         NOT NULL UNIQUE REFERENCES invoice (id),
    matter_id       BIGINT         NOT NULL REFERENCES matter (id),
    client_id       BIGINT         NOT NULL REFERENCES client (id),
    document_no     INTEGER        NOT NULL,
    number          VARCHAR(60)    NOT NULL,
    issue_date      DATE           NOT NULL,
    due_date        DATE           NOT NULL,
    currency        CHAR(3)        NOT NULL,
    total           NUMERIC(19, 4) NOT NULL,
    snapshot        TEXT           NOT NULL,
    pdf             BYTEA          NOT NULL,
    pdf_sha256      CHAR(64)       NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    superseded_by   BIGINT         REFERENCES published_invoice (id),
    version         BIGINT         NOT NULL DEFAULT 0
);
CREATE INDEX published_invoice_matter_idx ON published_invoice (matter_id);

CREATE FUNCTION published_invoice_immutable() RETURNS trigger AS $$
BEGIN
    IF NEW.invoice_id <> OLD.invoice_id OR NEW.number <> OLD.number OR NEW.total <> OLD.total
       OR NEW.snapshot <> OLD.snapshot OR NEW.pdf <> OLD.pdf OR NEW.pdf_sha256 <> OLD.pdf_sha256
       OR NEW.published_at <> OLD.published_at OR NEW.document_no <> OLD.document_no THEN
        RAISE EXCEPTION 'published invoice % is immutable', OLD.id;
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER published_invoice_immutable BEFORE UPDATE ON published_invoice
    FOR EACH ROW EXECUTE FUNCTION published_invoice_immutable();
CREATE FUNCTION published_invoice_undeletable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'published invoice % cannot be deleted', OLD.id;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER published_invoice_no_delete BEFORE DELETE ON published_invoice
    FOR EACH ROW EXECUTE FUNCTION published_invoice_undeletable();
