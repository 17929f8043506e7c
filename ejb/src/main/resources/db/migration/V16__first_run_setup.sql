-- First-run setup (FirstRunSetup): the one-time code that proves the person setting up an empty
-- installation can read the server's log or data directory. Only its SHA-256 is kept; the row goes
-- when setup is done.
CREATE TABLE setup_code (
    id         SMALLINT PRIMARY KEY CHECK (id = 1),
    sha256     TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
