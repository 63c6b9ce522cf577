-- Every reposition offer and each step of its life, with the reasons: one row per offer and status
-- (offered, then accepted | declined | expired, then arrived | failed). The latest row of an offer is its outcome.
CREATE TABLE reposition_suggestions (
    offer_id    text             NOT NULL,
    status      text             NOT NULL CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'arrived', 'failed')),
    occurred_at timestamptz      NOT NULL,
    city_id     text             NOT NULL,
    driver_id   text             NOT NULL,
    origin_cell bigint           NOT NULL,
    target_cell bigint           NOT NULL,
    campaign_id text,
    amount      numeric(12, 2)   NOT NULL CHECK (amount >= 0),
    currency    char(3)          NOT NULL,
    distance_km double precision NOT NULL CHECK (distance_km >= 0),
    eta_seconds integer          NOT NULL CHECK (eta_seconds >= 0),
    reason      text             NOT NULL,
    details     jsonb, -- the figures behind the decision (ratio, urgency, tier, acceptance probability, ...)
    PRIMARY KEY (offer_id, status)
);

CREATE INDEX reposition_suggestions_driver ON reposition_suggestions (driver_id, occurred_at);
CREATE INDEX reposition_suggestions_city ON reposition_suggestions (city_id, occurred_at);
CREATE INDEX reposition_suggestions_target ON reposition_suggestions (target_cell, occurred_at);
