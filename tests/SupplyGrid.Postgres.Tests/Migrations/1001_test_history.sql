-- Two history tables for the tests, in the shapes the writer serves: a ledger whose rows must never be dropped (and
-- whose key makes a replayed row harmless), and per-minute metrics that may be dropped under overload.
CREATE TABLE test_ledger (
    account_id text           NOT NULL,
    entry_id   text           NOT NULL,
    amount     numeric(12, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (account_id, entry_id)
);

CREATE TABLE test_metrics (
    sensor_id text             NOT NULL,
    minute    timestamptz      NOT NULL,
    reading   double precision NOT NULL,
    PRIMARY KEY (sensor_id, minute)
);
