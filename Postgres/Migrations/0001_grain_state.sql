-- Grain state of the "postgres" storage provider: one row per grain id and state name.
-- version is the etag: 1 on the first write, +1 on every write after it; writes are conditional on it.
CREATE TABLE grain_state (
    grain_type text        NOT NULL,
    grain_key  text        NOT NULL,
    state_name text        NOT NULL,
    payload    jsonb       NOT NULL,
    version    integer     NOT NULL CHECK (version > 0),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (grain_type, grain_key, state_name)
) WITH (fillfactor = 80); -- room on each page for HOT updates: the rows are rewritten all day long
