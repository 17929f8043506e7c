-- What a processor's account settings hold and its hosted page shows: the business's name and its
-- default currency (for payouts), told by the firm when it registers.
ALTER TABLE accounts ADD COLUMN business_name VARCHAR(200);
ALTER TABLE accounts ADD COLUMN default_currency VARCHAR(3);
