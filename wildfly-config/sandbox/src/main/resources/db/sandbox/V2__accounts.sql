-- The accounts the sandbox issued keys to, as a processor's dashboard does: its API answers only
-- these secret keys, and signs its webhooks with the most recently registered account's secret.
CREATE TABLE accounts (
    secret_key      VARCHAR(100) PRIMARY KEY,
    webhook_secret  VARCHAR(300) NOT NULL,
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
