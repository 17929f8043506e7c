-- The sandbox processor now keeps its records in its own schema ("sandbox", under its own
-- migrations in db/sandbox), created only where the sandbox runs. Its old tables held emulator state
-- only, never the firm's books: a sandbox starts afresh after this upgrade, as a new test account would.
DROP TABLE IF EXISTS sandbox_payout_item;
DROP TABLE IF EXISTS sandbox_event;
DROP SEQUENCE IF EXISTS sandbox_event_seq;
DROP TABLE IF EXISTS sandbox_idempotency;
DROP TABLE IF EXISTS sandbox_object;
