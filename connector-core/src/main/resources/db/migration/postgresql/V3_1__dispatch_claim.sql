-- The dispatcher claims one operation at a time, round-robin over structures: due rows of one kind in FINESS order
-- (operations without FINESS first, as the claim orders them). Keep in step with ../h2/V3_1__dispatch_claim.sql.
CREATE INDEX ix_outbox_claim ON outbox_operation (kind, state, finess NULLS FIRST, next_attempt_at);
