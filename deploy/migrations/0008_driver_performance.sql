-- Driver performance snapshots (ngp.pdcp.pfb.driver_real_performance) with the grid's own offer counts at that time.
CREATE TABLE driver_performance (
    driver_id         text             NOT NULL,
    as_of             timestamptz      NOT NULL,
    city_id           text             NOT NULL,
    acceptance_rate   double precision NOT NULL CHECK (acceptance_rate BETWEEN 0 AND 1),
    cancellation_rate double precision NOT NULL CHECK (cancellation_rate BETWEEN 0 AND 1),
    rating            double precision CHECK (rating BETWEEN 0 AND 5),
    online_hours      double precision NOT NULL CHECK (online_hours >= 0),
    tier              text             NOT NULL,
    offers_received   integer          NOT NULL CHECK (offers_received >= 0),
    offers_accepted   integer          NOT NULL CHECK (offers_accepted >= 0),
    arrivals          integer          NOT NULL CHECK (arrivals >= 0),
    PRIMARY KEY (driver_id, as_of)
);

CREATE INDEX driver_performance_city ON driver_performance (city_id, as_of);
