using Orleans;
using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Serialization;

// Geo depends on nothing, so its value types reach Orleans' serializer through surrogates declared here.

/// <summary>The wire form of an <see cref="H3Index"/>: its 64-bit value.</summary>
[GenerateSerializer, Alias("supplygrid.H3Index"), Immutable]
public readonly struct H3IndexSurrogate(ulong value)
{
    [Id(0)]
    public readonly ulong Value = value;
}

[RegisterConverter]
public sealed class H3IndexSurrogateConverter : IConverter<H3Index, H3IndexSurrogate>
{
    public H3Index ConvertFromSurrogate(in H3IndexSurrogate surrogate) => new(surrogate.Value);

    public H3IndexSurrogate ConvertToSurrogate(in H3Index value) => new(value.Value);
}

/// <summary>The wire form of a <see cref="LatLng"/>: degrees.</summary>
[GenerateSerializer, Alias("supplygrid.LatLng"), Immutable]
public readonly struct LatLngSurrogate(double lat, double lng)
{
    [Id(0)]
    public readonly double Lat = lat;

    [Id(1)]
    public readonly double Lng = lng;
}

[RegisterConverter]
public sealed class LatLngSurrogateConverter : IConverter<LatLng, LatLngSurrogate>
{
    public LatLng ConvertFromSurrogate(in LatLngSurrogate surrogate) => new(surrogate.Lat, surrogate.Lng);

    public LatLngSurrogate ConvertToSurrogate(in LatLng value) => new(value.Lat, value.Lng);
}
