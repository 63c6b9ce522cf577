using SupplyGrid.Geo;

namespace SupplyGrid.Simulator;

/// <summary>Points on land around a centre: normal with sigma = half the radius, cut at the radius.</summary>
internal static class PlaceSampler
{
    private const int Attempts = 20;

    public static LatLng Around(LatLng centre, double radiusKm, LandPolygon land, SimRandom random)
    {
        double sigma = radiusKm / 2;
        for (int attempt = 0; attempt < Attempts; attempt++)
        {
            double east = random.Gaussian() * sigma, north = random.Gaussian() * sigma;
            if (east * east + north * north > radiusKm * radiusKm)
                continue;
            var point = GeoMath.Offset(centre, east, north);
            if (land.Contains(point))
                return point;
        }
        return centre;
    }
}
