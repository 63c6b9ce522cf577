namespace SupplyGrid.Evaluation.Reports;

/// <summary>
/// What DIR/evaluation.json holds: the scenario and one summary per arm. Every figure comes from the simulation,
/// the ledger or the grid, never from the wall clock, so the same seed gives the same file byte for byte.
/// </summary>
public sealed record EvaluationReport(ScenarioSummary Scenario, IReadOnlyList<ArmSummary> Arms);

/// <summary>The demand, city, fleet and grid settings every arm shared.</summary>
public sealed record ScenarioSummary(
    string Name,
    string City,
    string TimeZone,
    string Currency,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Drivers,
    bool AlwaysOnline,
    double ShiftExponent,
    ulong Seed,
    double StepSeconds,
    double CellTickSeconds,
    decimal Budget,
    IReadOnlyDictionary<string, string> GridSettings,
    ReplaySummary? Replay);

/// <summary>How the replay file was read: every data row is in exactly one of the counts.</summary>
public sealed record ReplaySummary(
    string File,
    string Format,
    int Rows,
    int Kept,
    int Malformed,
    int OutOfBounds,
    int OtherBase,
    int OutsideDates,
    IReadOnlyList<string> Errors);

/// <summary>One arm's figures (docs/evaluation.md defines each).</summary>
public sealed record ArmSummary(
    string Name,
    int Bookings,
    int Served,
    double ServedPct,
    int Expired,
    int ExpiredInReach,
    int ExpiredMisplaced,
    int ExpiredShort,
    int InProgress,
    double MeanPickupKm,
    double P50PickupKm,
    double P90PickupKm,
    double MeanPickupMin,
    double P50PickupMin,
    double P90PickupMin,
    double MeanWaitMin,
    double UtilizationPct,
    double EmptyKm,
    double LoadedKm,
    int Offers,
    int Accepted,
    int Declined,
    int Arrived,
    decimal Spend,
    int PaidOffers,
    decimal? MeanIncentive,
    int? ExtraServedVsObserve,
    decimal? SpendPerExtraServed,
    double? ServedChangePct,
    double? MeanPickupKmChangePct,
    int Directives,
    GridSummary Grid,
    RunCounts Run,
    IReadOnlyList<HourSummary> Hours);

/// <summary>The grid's own count of offers by outcome, and its ledger.</summary>
public sealed record GridSummary(
    long OffersSent,
    long OffersAccepted,
    long OffersDeclined,
    long OffersExpired,
    long OffersArrived,
    long OffersFailed,
    decimal LedgerSpent,
    decimal LedgerReserved,
    int PaidOnTime,
    int PaidLate,
    int ActiveCells,
    double? ForecastMape);

/// <summary>Volumes of the run (no times: those are in timings.json).</summary>
/// <param name="GridWarnings">Warnings and errors the domain logged.</param>
/// <param name="RuntimeWarnings">Warnings and errors Orleans logged (slow turns on a loaded machine among them).</param>
public sealed record RunCounts(
    int Steps,
    long EventsDelivered,
    long DeadLetters,
    long GrainFailures,
    long TimerTicks,
    long MdtMessages,
    long GridWarnings,
    long RuntimeWarnings);

/// <summary>One local hour of booking creation; <c>ExpiredShort</c> counts those with fewer free drivers than waiting bookings within 10 km.</summary>
public sealed record HourSummary(
    DateTimeOffset HourStart, int LocalHour, int Bookings, int Served, int Expired, int ExpiredShort, double ServedPct, double MeanPickupMin, double MeanPickupKm);
