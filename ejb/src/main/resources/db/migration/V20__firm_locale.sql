-- How the firm writes amounts and dates (screens, PDFs, e-mails): a language tag of
-- platform/control/Formats.OFFERED. British English is what Quittance wrote until now.
ALTER TABLE firm ADD COLUMN locale VARCHAR(20) NOT NULL DEFAULT 'en-GB';
