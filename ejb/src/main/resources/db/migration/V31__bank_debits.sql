-- Bank debits through the processor (issue 19): the currencies whose bank debit the hosted payment page
-- offers besides cards (USD: US bank account, GBP: Bacs Direct Debit, EUR: SEPA Direct Debit), "" for none.
ALTER TABLE firm ADD COLUMN bank_debits varchar(20) NOT NULL DEFAULT '';
