-- The sweeper of publications (PublicationRedrive) looks every minute at the invoices published in the
-- last hour whose consumer has not taken them up.
CREATE INDEX invoice_published_at_idx ON invoice (published_at);
