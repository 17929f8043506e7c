-- Payment reminders (issue 19): the firm's schedule, a client left out, an invoice under dispute, and
-- each reminder sent (one per invoice and stage: the unique key is what makes a run safe to repeat).
ALTER TABLE firm
    ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT false,
    ADD COLUMN reminder_days_before integer DEFAULT 3 CHECK (reminder_days_before BETWEEN 1 AND 60),
    ADD COLUMN reminder_on_due_date boolean NOT NULL DEFAULT true,
    ADD COLUMN reminder_every_days integer DEFAULT 14 CHECK (reminder_every_days BETWEEN 1 AND 90),
    ADD COLUMN reminder_max_overdue integer NOT NULL DEFAULT 3 CHECK (reminder_max_overdue BETWEEN 0 AND 24);

ALTER TABLE client ADD COLUMN reminders boolean NOT NULL DEFAULT true;

ALTER TABLE invoice
    ADD COLUMN disputed_at timestamptz,
    ADD COLUMN dispute_reason varchar(500);

CREATE SEQUENCE invoice_reminder_seq;
CREATE TABLE invoice_reminder (
    id         bigint PRIMARY KEY DEFAULT nextval('invoice_reminder_seq'),
    invoice_id bigint        NOT NULL REFERENCES invoice (id),
    stage      varchar(30)   NOT NULL,
    balance    numeric(19,4) NOT NULL,
    currency   char(3)       NOT NULL,
    recipients integer       NOT NULL,
    sent_at    timestamptz   NOT NULL,
    sent_by    varchar(100)  NOT NULL,
    UNIQUE (invoice_id, stage)
);

-- The daily run reads the open, published invoices by due date.
CREATE INDEX invoice_open_due_idx ON invoice (due_date) WHERE state IN ('PUBLISHED', 'PARTLY_PAID');
