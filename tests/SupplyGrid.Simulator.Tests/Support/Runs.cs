using SupplyGrid.Geo;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Simulator;

namespace SupplyGrid.Simulator.Tests;

/// <summary>Ready-made runs for engine tests.</summary>
internal static class Runs
{
    /// <summary>Midnight in Singapore on a Monday.</summary>
    public static readonly DateTimeOffset SingaporeMidnight = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>Noon UTC: the square city's urban speed hour (24 km/h).</summary>
    public static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    public static readonly LatLng SquareCentre = new(0.05, 100.05);

    public static CitySimulation Singapore(ISimulationSink sink, ulong seed = 1, int drivers = 100, double bookingsPerHour = 300, Action<SimulationOptions>? configure = null, DateTimeOffset? start = null)
    {
        var options = new SimulationOptions { Seed = seed, Fleet = new FleetOptions { Drivers = drivers } };
        configure?.Invoke(options);
        var demand = new PoissonDemand(Cities.Singapore, new DemandOptions { BookingsPerHour = bookingsPerHour });
        return new CitySimulation(Cities.Singapore, demand, start ?? SingaporeMidnight.AddHours(7), options, sink);
    }

    /// <summary>
    /// One always-online driver parked at the centre of the square city (never cruising), accepting every job and
    /// never cancelling; bookings only as scripted.
    /// </summary>
    public static CitySimulation LoneDriver(RecordingSink sink, IEnumerable<DemandArrival>? bookings = null, Action<SimulationOptions>? configure = null, IDispatcher? dispatcher = null)
    {
        var options = new SimulationOptions
        {
            Fleet = new FleetOptions { Drivers = 1, AlwaysOnline = true, JobAcceptanceMin = 1, JobAcceptanceMax = 1, CancellationMax = 0 },
            Movement = new MovementOptions { MeanIdleMinutes = 1_000_000 },
        };
        configure?.Invoke(options);
        return new CitySimulation(TestCities.Square(), new ScriptedDemand(bookings ?? [], SquareCentre), Noon, options, sink, dispatcher);
    }

    public static MdtMessage Offer(string messageId, LatLng target, decimal amount, DateTimeOffset sent, string driverId = "drv-00001") => new()
    {
        MessageId = messageId,
        OfferId = "offer-" + messageId,
        DriverId = driverId,
        VehicleId = "veh-00001",
        Type = MdtMessageType.RepositionOffer,
        Text = "REPOSITION",
        Payload = new MdtPayload
        {
            TargetCell = Geo.H3.LatLngToCell(target, 8).ToString(),
            CentreLat = target.Lat,
            CentreLng = target.Lng,
            Amount = amount,
            Currency = "SGD",
            Deadline = sent.AddMinutes(3),
        },
        Ts = sent,
        ExpiresAt = sent.AddMinutes(15),
    };

    public static MdtMessage Notice(MdtMessageType type, string messageId, string? offerId, decimal? amount, DateTimeOffset sent, string driverId = "drv-00001") => new()
    {
        MessageId = messageId,
        OfferId = offerId,
        DriverId = driverId,
        VehicleId = "veh-00001",
        Type = type,
        Text = type.ToString(),
        Payload = amount is null ? null : new MdtPayload { Amount = amount, Currency = "SGD" },
        Ts = sent,
        ExpiresAt = sent.AddMinutes(15),
    };
}
