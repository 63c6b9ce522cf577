namespace SupplyGrid.Geo;

/// <summary>A point on the sphere in degrees (latitude north, longitude east).</summary>
public readonly record struct LatLng(double Lat, double Lng);
