-- Matching a receipt looks up the open invoices of exactly its amount and the invoices its text names
-- (ReceiptMatching): each through an index, instead of testing every open invoice of a large firm.
CREATE INDEX invoice_open_balance_idx ON invoice (balance_due) WHERE state IN ('FINAL', 'PUBLISHED', 'PARTLY_PAID');
CREATE INDEX invoice_number_upper_idx ON invoice (upper(number));
ANALYZE invoice;
