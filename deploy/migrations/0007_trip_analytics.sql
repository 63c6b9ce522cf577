-- Completed trips (ngp.me.trip.upload_trip), with the reposition offer that brought the driver to the pickup area, if any.
CREATE TABLE trip_analytics (
    trip_id             text             PRIMARY KEY,
    driver_id           text             NOT NULL,
    city_id             text             NOT NULL,
    started_at          timestamptz      NOT NULL,
    ended_at            timestamptz      NOT NULL CHECK (ended_at >= started_at),
    pickup_cell         bigint           NOT NULL,
    dropoff_cell        bigint           NOT NULL,
    distance_km         double precision NOT NULL CHECK (distance_km >= 0),
    fare                numeric(12, 2)   NOT NULL CHECK (fare >= 0),
    driver_earnings     numeric(12, 2)   NOT NULL CHECK (driver_earnings >= 0),
    currency            char(3)          NOT NULL,
    pickup_wait_seconds integer          CHECK (pickup_wait_seconds >= 0),
    reposition_offer_id text
);

CREATE INDEX trip_analytics_driver ON trip_analytics (driver_id, started_at);
CREATE INDEX trip_analytics_city ON trip_analytics (city_id, started_at);
CREATE INDEX trip_analytics_pickup ON trip_analytics (pickup_cell, started_at);
