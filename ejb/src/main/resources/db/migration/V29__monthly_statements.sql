-- Statements of account (issue 19): a portal user may ask for its statement by e-mail at the start of
-- each month (one mail per user, client and month: the outbox's key makes a repeated run send nothing twice).
ALTER TABLE portal_user ADD COLUMN monthly_statement boolean NOT NULL DEFAULT false;
