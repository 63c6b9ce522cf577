using SupplyGrid.Geo;

namespace SupplyGrid.Grains.Drivers;

/// <summary>What a ping's position is worth.</summary>
internal enum PositionVerdict
{
    /// <summary>Plausible from the trusted position: the new trusted position.</summary>
    Trusted,

    /// <summary>An impossible jump: kept out of supply and arrival detection.</summary>
    Suspect,

    /// <summary>Several consistent pings after a jump: the driver really is there now.</summary>
    Reanchored,
}

/// <summary>
/// Flags impossible jumps: a ping farther from the last trusted position than the plausible speed allows is suspect.
/// Consecutive suspect pings that are plausible from one another re-anchor the trusted position after a few, so a
/// relocation (or a first fix after a long glitch) is accepted and one glitch costs only its own ping.
/// </summary>
internal struct PositionJudge
{
    /// <summary>GPS noise allowed on top of the speed bound, so two pings in the same second never look like a jump.</summary>
    private const double NoiseKm = 0.05;

    private double _suspectLat;
    private double _suspectLng;
    private long _suspectTicks;
    private int _suspectStreak;

    public bool HasTrusted { get; private set; }

    public double Lat { get; private set; }

    public double Lng { get; private set; }

    /// <summary>Event time (UTC ticks) of the trusted position.</summary>
    public long TrustedTicks { get; private set; }

    public bool IsSuspect => _suspectStreak > 0;

    public PositionVerdict Judge(double lat, double lng, long ticks, double maxSpeedKmh, int recoveryPings)
    {
        if (!HasTrusted || Plausible(Lat, Lng, TrustedTicks, lat, lng, ticks, maxSpeedKmh))
        {
            Trust(lat, lng, ticks);
            return PositionVerdict.Trusted;
        }

        _suspectStreak = _suspectStreak > 0 && Plausible(_suspectLat, _suspectLng, _suspectTicks, lat, lng, ticks, maxSpeedKmh)
            ? _suspectStreak + 1
            : 1;
        _suspectLat = lat;
        _suspectLng = lng;
        _suspectTicks = ticks;
        if (_suspectStreak < recoveryPings)
            return PositionVerdict.Suspect;
        Trust(lat, lng, ticks);
        return PositionVerdict.Reanchored;
    }

    private void Trust(double lat, double lng, long ticks)
    {
        HasTrusted = true;
        Lat = lat;
        Lng = lng;
        TrustedTicks = ticks;
        _suspectStreak = 0;
    }

    private static bool Plausible(double lat1, double lng1, long ticks1, double lat2, double lng2, long ticks2, double maxSpeedKmh)
    {
        var hours = (ticks2 - ticks1) / (double)TimeSpan.TicksPerHour;
        var km = H3.GreatCircleDistanceKm(new LatLng(lat1, lng1), new LatLng(lat2, lng2));
        return km <= maxSpeedKmh * hours + NoiseKm;
    }
}
