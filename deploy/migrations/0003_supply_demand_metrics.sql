-- What each cell grain saw and decided, one row per H3 cell per minute. Cells are H3 indexes (resolution 8) stored as
-- their 64-bit value; lpad(to_hex(h3_cell), 15, '0') gives the usual hex form.
CREATE TABLE supply_demand_metrics (
    h3_cell          bigint           NOT NULL,
    minute           timestamptz      NOT NULL CHECK (mod(extract(epoch FROM minute), 60) = 0),
    city_id          text             NOT NULL,
    supply           integer          NOT NULL CHECK (supply >= 0),
    demand           integer          NOT NULL CHECK (demand >= 0),
    smoothed_supply  double precision NOT NULL CHECK (smoothed_supply >= 0),
    smoothed_demand  double precision NOT NULL CHECK (smoothed_demand >= 0),
    forecast_demand  double precision NOT NULL CHECK (forecast_demand >= 0),
    ratio            double precision NOT NULL CHECK (ratio >= 0),
    status           text             NOT NULL CHECK (status IN ('critical', 'undersupplied', 'balanced', 'oversupplied')),
    surge_multiplier double precision NOT NULL CHECK (surge_multiplier >= 1),
    PRIMARY KEY (h3_cell, minute)
);

-- The city heatmap over a time range.
CREATE INDEX supply_demand_metrics_city_minute ON supply_demand_metrics (city_id, minute);
