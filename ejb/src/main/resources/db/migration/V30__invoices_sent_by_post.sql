-- Print selected (issue 19): an invoice printed for a client without a portal is marked as sent by post.
ALTER TABLE invoice
    ADD COLUMN posted_at timestamptz,
    ADD COLUMN posted_by varchar(100);
