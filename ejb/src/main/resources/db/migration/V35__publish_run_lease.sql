-- A publish run's worker runs in the memory of the node that started it (issue 20: two nodes). The run
-- records that node and when it last said it still works on it; a run whose node stopped renewing is taken
-- over by another node, which publishes the invoices still pending (each once: its outcome commits with it).
-- Runs from before this column have none: whichever node looks first takes them.
ALTER TABLE publish_run ADD COLUMN node VARCHAR(100), ADD COLUMN renewed_at TIMESTAMPTZ;
CREATE INDEX publish_run_unfinished_idx ON publish_run (id) WHERE finished_at IS NULL;
