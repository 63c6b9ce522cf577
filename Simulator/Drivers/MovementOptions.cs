namespace SupplyGrid.Simulator;

/// <summary>How drivers move and report (configuration section <see cref="SectionName"/>).</summary>
public sealed record MovementOptions
{
    public const string SectionName = "Simulator:Movement";

    /// <summary>Road speed outside peaks and nights (the grid's travel estimator assumes 24 km/h too).</summary>
    public double UrbanSpeedKmh { get; set; } = 24;

    /// <summary>Road speed in the local peaks, 07:00-10:00 and 17:00-20:00.</summary>
    public double PeakSpeedKmh { get; set; } = 18;

    /// <summary>Road speed at night, 22:00-06:00.</summary>
    public double NightSpeedKmh { get; set; } = 36;

    /// <summary>Road km per straight-line km: paths are straight segments, the road is longer and takes longer.</summary>
    public double DetourFactor { get; set; } = 1.3;

    /// <summary>A free driver cruising for a fare drives at this fraction of the road speed.</summary>
    public double CruiseSpeedFactor { get; set; } = 0.6;

    /// <summary>A free driver waits this long on average (exponential) before cruising a short way.</summary>
    public double MeanIdleMinutes { get; set; } = 5;

    /// <summary>A cruise goes in a random direction for a distance uniform between these (straight-line km).</summary>
    public double CruiseKmMin { get; set; } = 0.5;

    public double CruiseKmMax { get; set; } = 2.5;

    /// <summary>After arriving at a reposition target a driver waits there this long before cruising again.</summary>
    public double WaitAtTargetMinutes { get; set; } = 10;

    /// <summary>Seconds between a driver's pings, uniform between these (the brief: 3 to 5).</summary>
    public double PingSecondsMin { get; set; } = 3;

    public double PingSecondsMax { get; set; } = 5;

    /// <summary>The road speed in a local hour.</summary>
    public double RoadSpeedKmh(int localHour) => localHour switch
    {
        >= 7 and < 10 or >= 17 and < 20 => PeakSpeedKmh,
        >= 22 or < 6 => NightSpeedKmh,
        _ => UrbanSpeedKmh,
    };

    /// <summary>The fastest any driver moves over the ground, straight-line km/h.</summary>
    public double MaxStraightSpeedKmh => Math.Max(UrbanSpeedKmh, Math.Max(PeakSpeedKmh, NightSpeedKmh)) / DetourFactor;

    public void Validate()
    {
        Guard.InRange(UrbanSpeedKmh, 1, 130);
        Guard.InRange(PeakSpeedKmh, 1, 130);
        Guard.InRange(NightSpeedKmh, 1, 130);
        Guard.InRange(DetourFactor, 1, 3);
        Guard.InRange(CruiseSpeedFactor, 0.1, 1);
        Guard.Positive(MeanIdleMinutes);
        Guard.Positive(CruiseKmMin);
        Guard.NotBelow(CruiseKmMin, CruiseKmMax, nameof(CruiseKmMin), nameof(CruiseKmMax));
        Guard.NonNegative(WaitAtTargetMinutes);
        Guard.InRange(PingSecondsMin, 0.1, 3600);
        Guard.InRange(PingSecondsMax, 0.1, 3600);
        Guard.NotBelow(PingSecondsMin, PingSecondsMax, nameof(PingSecondsMin), nameof(PingSecondsMax));
    }
}
