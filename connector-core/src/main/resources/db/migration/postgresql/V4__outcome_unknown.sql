-- An operation one of whose attempts may have reached the peer without its answer being heard (a timeout or a cut
-- connection after the request went out, or a claim that expired: its process died or overran). Such an operation
-- is not settled FAILED on a failure that says nothing about the peer. Keep in step with ../h2/V4__outcome_unknown.sql.
ALTER TABLE outbox_operation ADD COLUMN outcome_unknown BOOLEAN DEFAULT FALSE NOT NULL;
