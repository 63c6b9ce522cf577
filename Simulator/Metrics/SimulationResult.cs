namespace SupplyGrid.Simulator;

/// <summary>
/// What happened in a run up to <see cref="To"/>, from the engine's ground truth. docs/simulator.md defines each
/// figure. Immutable; take a new one with <see cref="CitySimulation.Results"/>.
/// </summary>
public sealed record SimulationResult
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required string City { get; init; }

    /// <summary>Bookings created.</summary>
    public required int Bookings { get; init; }

    /// <summary>Bookings picked up by a driver.</summary>
    public required int Served { get; init; }

    /// <summary>Bookings that waited past the wait limit without a driver.</summary>
    public required int Expired { get; init; }

    /// <summary>Expired while a free driver was within the dispatcher's reach (<see cref="UnservedSupply.InReach"/>).</summary>
    public required int ExpiredInReach { get; init; }

    /// <summary>Expired with nobody free in reach but enough free drivers within 10 km for the bookings waiting there (<see cref="UnservedSupply.Misplaced"/>).</summary>
    public required int ExpiredMisplaced { get; init; }

    /// <summary>Expired with fewer free drivers within 10 km than bookings waiting there (<see cref="UnservedSupply.Short"/>).</summary>
    public required int ExpiredShort { get; init; }

    /// <summary>Bookings neither served nor expired yet: waiting for a driver, or a driver on the way.</summary>
    public int InProgress => Bookings - Served - Expired;

    /// <summary>Served / bookings x 100 (0 without bookings).</summary>
    public required double ServedPct { get; init; }

    /// <summary>Straight-line km from the driver to the pickup when the booking was assigned (served bookings).</summary>
    public required DistributionSummary PickupKm { get; init; }

    /// <summary>Minutes from assignment to pickup (served bookings).</summary>
    public required DistributionSummary PickupMinutes { get; init; }

    /// <summary>Minutes from booking to pickup (served bookings).</summary>
    public required DistributionSummary WaitMinutes { get; init; }

    public required int TripsCompleted { get; init; }

    /// <summary>Fares of completed trips, in <see cref="Currency"/>.</summary>
    public required decimal Fares { get; init; }

    public required string Currency { get; init; }

    /// <summary>Driver-hours available, on the way to a pickup or on a trip (breaks are not online time).</summary>
    public required double OnlineHours { get; init; }

    /// <summary>Driver-hours with a rider on board.</summary>
    public required double OnTripHours { get; init; }

    /// <summary>On-trip hours / online hours x 100.</summary>
    public required double UtilizationPct { get; init; }

    /// <summary>Road km driven without a rider: cruising, to pickups, repositioning.</summary>
    public required double EmptyKm { get; init; }

    /// <summary>Road km driven with a rider.</summary>
    public required double LoadedKm { get; init; }

    /// <summary>Times a driver was asked to take a job (including declines and re-asks).</summary>
    public required int JobsAsked { get; init; }

    public required int JobsDeclined { get; init; }

    /// <summary>Jobs cancelled by the driver on the way to the pickup (the booking went back to dispatch).</summary>
    public required int JobsCancelled { get; init; }

    /// <summary>Reposition and incentive offers delivered (duplicates ignored).</summary>
    public required int OffersReceived { get; init; }

    public required int OffersAccepted { get; init; }

    public required int OffersDeclined { get; init; }

    /// <summary>Offers never answered: the driver went offline, or the offer expired before the reply.</summary>
    public required int OffersUnanswered { get; init; }

    /// <summary>Accepted offers whose driver reached the target.</summary>
    public required int OffersArrived { get; init; }

    /// <summary>Accepted offers whose driver took a booking on the way.</summary>
    public required int OffersDiverted { get; init; }

    /// <summary>Accepted offers given up: expired by the grid, a break or the end of the shift before arrival.</summary>
    public required int OffersAbandoned { get; init; }

    /// <summary>Accepted / (accepted + declined) x 100 (0 without replies).</summary>
    public double AcceptancePct => OffersAccepted + OffersDeclined == 0 ? 0 : 100.0 * OffersAccepted / (OffersAccepted + OffersDeclined);

    /// <summary>Fleet directives followed (<see cref="CitySimulation.DirectDriver"/>), e.g. by a naive baseline policy.</summary>
    public required int Directives { get; init; }

    public required int DirectivesArrived { get; init; }

    /// <summary>Sum of the distinct incentive_paid messages received, in <see cref="Currency"/>.</summary>
    public required decimal IncentivePaid { get; init; }

    public required int IncentivePayments { get; init; }

    /// <summary>MDT messages addressed to a driver the simulation does not have.</summary>
    public required int UnknownDriverMessages { get; init; }

    /// <summary>GPS pings emitted.</summary>
    public required long DriverEvents { get; init; }

    /// <summary>Per hour of booking creation, from the hour of <see cref="From"/>.</summary>
    public required IReadOnlyList<HourlyMetrics> Hours { get; init; }
}
