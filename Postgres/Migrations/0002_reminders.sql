-- Durable reminders: one row per grain and reminder name. etag changes on every upsert.
CREATE SEQUENCE reminder_etag AS bigint;

CREATE TABLE reminders (
    grain_type    text        NOT NULL,
    grain_key     text        NOT NULL,
    reminder_name text        NOT NULL,
    start_at      timestamptz NOT NULL,
    period        interval    NOT NULL CHECK (period > interval '0'),
    etag          bigint      NOT NULL DEFAULT nextval('reminder_etag'),
    PRIMARY KEY (grain_type, grain_key, reminder_name)
);
