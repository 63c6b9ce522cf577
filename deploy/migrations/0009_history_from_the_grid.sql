-- What the grid's history ports carry (docs/postgres.md, "Silo wiring"):
-- * An offer transition names the driver, the target cell, the campaign and the amounts, not where the driver was
--   nor the distance or ETA of the move: those columns become optional.
-- * A campaign row's version is the campaign's last-change time in microseconds since the Unix epoch, so the same
--   change replayed after a restart is stored once and versions order by time: bigint.
-- * A campaign without a per-driver daily cap of its own uses the city's: driver_daily_cap NULL says so.
ALTER TABLE reposition_suggestions
    ALTER COLUMN origin_cell DROP NOT NULL,
    ALTER COLUMN distance_km DROP NOT NULL,
    ALTER COLUMN eta_seconds DROP NOT NULL;

DROP VIEW incentive_campaigns_current;

ALTER TABLE incentive_campaigns
    ALTER COLUMN version TYPE bigint,
    ALTER COLUMN driver_daily_cap DROP NOT NULL;

CREATE VIEW incentive_campaigns_current AS
SELECT DISTINCT ON (campaign_id) *
FROM incentive_campaigns
ORDER BY campaign_id, version DESC;
