-- The part of a message that must not outlive its delivery (a registration or reset link): removed
-- from the stored body once the SMTP server has accepted the message, or has refused it for good.
ALTER TABLE mail_outbox ADD COLUMN secret TEXT;
