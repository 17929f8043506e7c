-- Staff password links (forgotten password, or sent by an administrator): as the portal's, only the
-- token's SHA-256 is kept, and a link works once, for an hour.
CREATE TABLE staff_password_reset (
    token_sha256    CHAR(64)     PRIMARY KEY,
    staff_user_id   BIGINT       NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX staff_password_reset_user_idx ON staff_password_reset (staff_user_id);
