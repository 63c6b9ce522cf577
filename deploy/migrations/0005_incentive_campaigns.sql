-- Campaigns as the campaign grain saw them: one row per campaign and state version (created, paused, budget moved, ...).
-- incentive_campaigns_current shows the latest version of each.
CREATE TABLE incentive_campaigns (
    campaign_id      text           NOT NULL,
    version          integer        NOT NULL CHECK (version > 0),
    recorded_at      timestamptz    NOT NULL,
    city_id          text           NOT NULL,
    kind             text           NOT NULL CHECK (kind IN ('reposition_bonus', 'quest', 'event')),
    name             text           NOT NULL,
    status           text           NOT NULL CHECK (status <> ''),
    budget           numeric(14, 2) NOT NULL CHECK (budget >= 0),
    reserved         numeric(14, 2) NOT NULL CHECK (reserved >= 0),
    spent            numeric(14, 2) NOT NULL CHECK (spent >= 0),
    currency         char(3)        NOT NULL,
    starts_at        timestamptz    NOT NULL,
    ends_at          timestamptz    NOT NULL CHECK (ends_at > starts_at),
    driver_daily_cap numeric(12, 2) NOT NULL CHECK (driver_daily_cap >= 0),
    target_cells     bigint[]       NOT NULL,
    details          jsonb,
    PRIMARY KEY (campaign_id, version),
    CHECK (spent + reserved <= budget)
);

CREATE INDEX incentive_campaigns_city ON incentive_campaigns (city_id, recorded_at);

CREATE VIEW incentive_campaigns_current AS
SELECT DISTINCT ON (campaign_id) *
FROM incentive_campaigns
ORDER BY campaign_id, version DESC;
