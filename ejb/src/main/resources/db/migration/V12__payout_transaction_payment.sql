-- A payout's card payment is found on the books by its settlement (once the receipt import has seen
-- it) or, before that, by its payment: a receipt recorded from the payment's notification.
ALTER TABLE payout_transaction ADD COLUMN payment_reference VARCHAR(100);
CREATE INDEX payout_transaction_payment_idx ON payout_transaction (payment_reference);
