namespace SupplyGrid.Simulator;

/// <summary>What a zone is mostly used for, which decides its daily demand shape (<see cref="ZoneProfiles"/>).</summary>
public enum ZoneKind
{
    /// <summary>Offices and nightlife: trips arrive in the morning, leave in the evening and late at night.</summary>
    Central,

    /// <summary>Shops and restaurants: busy from late morning into the evening.</summary>
    Shopping,

    /// <summary>Homes: trips leave in the morning peak and come back in the evening.</summary>
    Residential,

    /// <summary>Business parks and industry: arrivals at 7-9, departures at 17-19.</summary>
    Business,

    /// <summary>Flights all day, a little quieter at night.</summary>
    Airport,

    /// <summary>Attractions and beaches: the afternoon and evening.</summary>
    Leisure,
}
