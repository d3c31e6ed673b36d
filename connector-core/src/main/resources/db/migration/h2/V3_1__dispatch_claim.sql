-- The dispatcher claims one operation at a time, round-robin over structures: due rows of one kind in FINESS order.
-- Keep in step with ../postgresql/V3_1__dispatch_claim.sql.
CREATE INDEX ix_outbox_claim ON outbox_operation (kind, state, finess, next_attempt_at);
