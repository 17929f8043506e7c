-- A client the firm no longer works for leaves the lists and cannot be billed; nothing of it is
-- deleted (its ledger is history).
ALTER TABLE client ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;

-- One portal login may serve contacts of several clients (a director of two companies, a
-- trustee): the link moves to the contact, and portal_user no longer names one.
ALTER TABLE contact ADD COLUMN portal_user_id BIGINT REFERENCES portal_user (id);
UPDATE contact c SET portal_user_id = u.id FROM portal_user u WHERE u.contact_id = c.id;
ALTER TABLE portal_user DROP COLUMN contact_id;
CREATE INDEX contact_portal_user_idx ON contact (portal_user_id);
-- A login serves a client through one of its contacts at most.
CREATE UNIQUE INDEX contact_one_login_per_client_idx ON contact (client_id, portal_user_id) WHERE portal_user_id IS NOT NULL;
