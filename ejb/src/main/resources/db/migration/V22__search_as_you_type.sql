-- The pickers search clients and matters as staff type (part of a name, number or title), over a
-- large firm's tens of thousands: trigram indexes serve "contains" in any case. pg_trgm is a
-- trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX client_name_search_idx ON client USING gin (lower(name) gin_trgm_ops);
CREATE INDEX matter_search_idx ON matter USING gin (lower(number || ' ' || title) gin_trgm_ops);
