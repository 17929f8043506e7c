-- Which node runs an import job's execution, and when it last said it still does (issue 20: two nodes on
-- one database). A node writes its lease when the execution starts, renews it every few seconds while the
-- execution runs and removes it when the execution ends. An execution still marked running whose lease
-- has run out was on a node that died: another node marks it failed and restarts it from its checkpoint.
-- Not a foreign key to JBeret's job_execution: JBeret creates its own tables, after the migrations.
CREATE TABLE job_lease (
    execution_id BIGINT PRIMARY KEY,
    node         VARCHAR(100) NOT NULL,
    taken_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    renewed_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX job_lease_node_idx ON job_lease (node);
