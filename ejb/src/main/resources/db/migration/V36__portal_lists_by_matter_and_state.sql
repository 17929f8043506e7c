-- The portal's lists of a client with hundreds of paid invoices (benchmarks/README.md, issue 18).
-- The open ones are found by matter and state, not by reading every invoice of the matter and
-- dropping the paid, and the tabs' counts take a matter's invoices from the index alone (INCLUDE id):
-- (matter_id, state) serves every lookup by matter that the old index did.
CREATE INDEX invoice_matter_state_idx ON invoice (matter_id, state) INCLUDE (id);
DROP INDEX invoice_matter_idx;
-- The tabs' counts read a matter's published invoices from the index alone (its rows lie one to a page).
CREATE INDEX published_invoice_matter_cover_idx ON published_invoice (matter_id) INCLUDE (client_id, invoice_id, superseded_by);
DROP INDEX published_invoice_matter_idx;
