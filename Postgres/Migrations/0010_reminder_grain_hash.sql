-- Orleans' reminder service reads reminders by ranges of the grain id's uniform hash (GrainId.GetUniformHashCode(),
-- an unsigned 32-bit number): each silo loads the reminders of its share of the ring. The silo computes the hash and
-- stores it with every upsert; rows written before this migration get theirs when the reminder table starts.
ALTER TABLE reminders ADD COLUMN grain_hash bigint CHECK (grain_hash BETWEEN 0 AND 4294967295);

CREATE INDEX reminders_grain_hash ON reminders (grain_hash);
