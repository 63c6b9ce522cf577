-- The incentive ledger: reserve on offer, commit on arrival (the amount paid), release on decline, expiry or failure.
-- The key makes an entry exist at most once, so redelivery, retries and replays after a crash cannot pay twice.
CREATE TABLE driver_incentives (
    campaign_id text           NOT NULL,
    offer_id    text           NOT NULL,
    kind        text           NOT NULL CHECK (kind IN ('reserve', 'commit', 'release')),
    driver_id   text           NOT NULL,
    amount      numeric(12, 2) NOT NULL CHECK (amount >= 0),
    currency    char(3)        NOT NULL,
    occurred_at timestamptz    NOT NULL,
    reason      text           NOT NULL,
    recorded_at timestamptz    NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, offer_id, kind)
);

-- GET /api/incentives/{driverId}, and per-driver daily caps.
CREATE INDEX driver_incentives_driver ON driver_incentives (driver_id, occurred_at);

-- Per campaign: what the ledger says was reserved, paid and released; spend must equal the campaign's own figure.
CREATE VIEW campaign_ledger AS
SELECT campaign_id,
       currency,
       coalesce(sum(amount) FILTER (WHERE kind = 'reserve'), 0) AS reserved_total,
       coalesce(sum(amount) FILTER (WHERE kind = 'commit'), 0)  AS spent,
       coalesce(sum(amount) FILTER (WHERE kind = 'release'), 0) AS released_total,
       count(*) FILTER (WHERE kind = 'commit')                  AS paid_offers
FROM driver_incentives
GROUP BY campaign_id, currency;
