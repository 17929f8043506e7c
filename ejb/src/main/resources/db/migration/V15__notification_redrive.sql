-- A notification kept but never applied is queued again (WebhookInbox.redriveStuck): how often it was.
ALTER TABLE payment_notification ADD COLUMN redriven INTEGER NOT NULL DEFAULT 0;
CREATE INDEX payment_notification_waiting_idx ON payment_notification (received_at) WHERE outcome = 'RECEIVED';
