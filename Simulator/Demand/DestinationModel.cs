using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>
/// Where a generated booking goes: a gravity model. Each zone attracts with its destination weight for the local
/// hour times exp(-distance / <see cref="DemandOptions.TripDecayKm"/>); "elsewhere" is one uniformly drawn land
/// point with the background weight and the same decay. The chosen zone gives a point around its centre; a point
/// nearer the pickup than <see cref="DemandOptions.MinTripKm"/> is redrawn (at most 10 times).
/// </summary>
internal sealed class DestinationModel
{
    private const int RedrawAttempts = 10;

    private readonly CityMap _city;
    private readonly double _decayKm;
    private readonly double _minTripKm;
    private readonly double[] _weights;

    public DestinationModel(CityMap city, DemandOptions options)
    {
        _city = city;
        _decayKm = options.TripDecayKm;
        _minTripKm = options.MinTripKm;
        _weights = new double[city.Zones.Count + 1];
    }

    public LatLng Choose(LatLng pickup, int localHour, SimRandom random)
    {
        LatLng best = pickup;
        double bestKm = 0;
        for (int attempt = 0; attempt < RedrawAttempts; attempt++)
        {
            var candidate = Draw(pickup, localHour, random);
            double km = GeoMath.DistanceKm(pickup, candidate);
            if (km >= _minTripKm)
                return candidate;
            if (km > bestKm)
                (best, bestKm) = (candidate, km);
        }
        return best;
    }

    private LatLng Draw(LatLng pickup, int localHour, SimRandom random)
    {
        var zones = _city.Zones;
        for (int i = 0; i < zones.Count; i++)
            _weights[i] = zones[i].Destinations[localHour] * Math.Exp(-GeoMath.DistanceKm(pickup, zones[i].Centre) / _decayKm);
        var anywhere = _city.Land.RandomPoint(random);
        _weights[zones.Count] = _city.BackgroundDestinations[localHour] * Math.Exp(-GeoMath.DistanceKm(pickup, anywhere) / _decayKm);

        int chosen = random.Pick(_weights);
        return chosen < 0 || chosen == zones.Count
            ? anywhere
            : PlaceSampler.Around(zones[chosen].Centre, zones[chosen].RadiusKm, _city.Land, random);
    }
}
