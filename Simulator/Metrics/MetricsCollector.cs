using System.Runtime.InteropServices;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Simulator;

/// <summary>The engine's running tallies; <see cref="Build"/> turns them into an immutable <see cref="SimulationResult"/>.</summary>
internal sealed class MetricsCollector
{
    private readonly long _firstHourTicks;
    private readonly List<HourTally> _hours = [];
    private readonly List<double> _pickupKm = [];
    private readonly List<double> _pickupMinutes = [];
    private readonly List<double> _waitMinutes = [];
    private readonly long[] _statusTicks = new long[Enum.GetValues<DriverStatus>().Length];
    private readonly int[] _expiredBySupply = new int[Enum.GetValues<UnservedSupply>().Length];

    public MetricsCollector(DateTimeOffset start)
    {
        _firstHourTicks = start.UtcTicks - start.UtcTicks % TimeSpan.TicksPerHour;
    }

    public int Bookings, Served, Expired, TripsCompleted;
    public int JobsAsked, JobsDeclined, JobsCancelled;
    public int OffersReceived, OffersAccepted, OffersDeclined, OffersUnanswered, OffersArrived, OffersDiverted, OffersAbandoned;
    public int Directives, DirectivesArrived;
    public int IncentivePayments, UnknownDriverMessages;
    public long DriverEvents;
    public decimal Fares, IncentivePaid;
    public double EmptyKm, LoadedKm;

    /// <summary>The hour bucket a booking created at <paramref name="ticks"/> counts in.</summary>
    public int HourOf(long ticks) => (int)((ticks - _firstHourTicks) / TimeSpan.TicksPerHour);

    public void BookingCreated(int hour)
    {
        Bookings++;
        Hour(hour).Bookings++;
    }

    public void BookingServed(int hour, double pickupKm, double pickupMinutes, double waitMinutes)
    {
        Served++;
        _pickupKm.Add(pickupKm);
        _pickupMinutes.Add(pickupMinutes);
        _waitMinutes.Add(waitMinutes);
        ref var tally = ref Hour(hour);
        tally.Served++;
        tally.PickupKm += pickupKm;
        tally.PickupMinutes += pickupMinutes;
    }

    public void BookingExpired(int hour, UnservedSupply supply)
    {
        Expired++;
        _expiredBySupply[(int)supply]++;
        ref var tally = ref Hour(hour);
        tally.Expired++;
        if (supply == UnservedSupply.Short)
            tally.ExpiredShort++;
    }

    public void AddStatusTime(DriverStatus status, long ticks) => _statusTicks[(int)status] += ticks;

    /// <param name="openStatusTicks">Time in each status not yet closed (drivers still in it at the end).</param>
    public SimulationResult Build(string city, string currency, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone, ReadOnlySpan<long> openStatusTicks)
    {
        double onTrip = StatusHours(DriverStatus.OnTrip, openStatusTicks);
        double online = StatusHours(DriverStatus.Available, openStatusTicks) + StatusHours(DriverStatus.Busy, openStatusTicks) + onTrip;
        var hours = new HourlyMetrics[_hours.Count];
        for (int i = 0; i < hours.Length; i++)
        {
            var tally = _hours[i];
            var start = new DateTimeOffset(_firstHourTicks + i * TimeSpan.TicksPerHour, TimeSpan.Zero);
            hours[i] = new HourlyMetrics(
                start,
                TimeZoneInfo.ConvertTime(start, zone).Hour,
                tally.Bookings,
                tally.Served,
                tally.Expired,
                tally.ExpiredShort,
                Percent(tally.Served, tally.Bookings),
                tally.Served == 0 ? 0 : tally.PickupMinutes / tally.Served,
                tally.Served == 0 ? 0 : tally.PickupKm / tally.Served);
        }
        return new SimulationResult
        {
            From = from,
            To = to,
            City = city,
            Bookings = Bookings,
            Served = Served,
            Expired = Expired,
            ExpiredInReach = _expiredBySupply[(int)UnservedSupply.InReach],
            ExpiredMisplaced = _expiredBySupply[(int)UnservedSupply.Misplaced],
            ExpiredShort = _expiredBySupply[(int)UnservedSupply.Short],
            ServedPct = Percent(Served, Bookings),
            PickupKm = DistributionSummary.Of(_pickupKm),
            PickupMinutes = DistributionSummary.Of(_pickupMinutes),
            WaitMinutes = DistributionSummary.Of(_waitMinutes),
            TripsCompleted = TripsCompleted,
            Fares = Fares,
            Currency = currency,
            OnlineHours = online,
            OnTripHours = onTrip,
            UtilizationPct = online > 0 ? 100 * onTrip / online : 0,
            EmptyKm = EmptyKm,
            LoadedKm = LoadedKm,
            JobsAsked = JobsAsked,
            JobsDeclined = JobsDeclined,
            JobsCancelled = JobsCancelled,
            OffersReceived = OffersReceived,
            OffersAccepted = OffersAccepted,
            OffersDeclined = OffersDeclined,
            OffersUnanswered = OffersUnanswered,
            OffersArrived = OffersArrived,
            OffersDiverted = OffersDiverted,
            OffersAbandoned = OffersAbandoned,
            Directives = Directives,
            DirectivesArrived = DirectivesArrived,
            IncentivePaid = IncentivePaid,
            IncentivePayments = IncentivePayments,
            UnknownDriverMessages = UnknownDriverMessages,
            DriverEvents = DriverEvents,
            Hours = hours,
        };
    }

    private double StatusHours(DriverStatus status, ReadOnlySpan<long> openStatusTicks) =>
        (_statusTicks[(int)status] + openStatusTicks[(int)status]) / (double)TimeSpan.TicksPerHour;

    private static double Percent(int part, int whole) => whole == 0 ? 0 : 100.0 * part / whole;

    private ref HourTally Hour(int hour)
    {
        while (_hours.Count <= hour)
            _hours.Add(default);
        return ref CollectionsMarshal.AsSpan(_hours)[hour];
    }

    private struct HourTally
    {
        public int Bookings, Served, Expired, ExpiredShort;
        public double PickupKm, PickupMinutes;
    }
}
