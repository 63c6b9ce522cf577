using SupplyGrid.Evaluation.Runs;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Reports;

/// <summary>Turns the arms' results into the report: rounded figures, and each arm against the observing arm.</summary>
public static class ReportBuilder
{
    public static EvaluationReport Build(EvaluationScenario scenario, IReadOnlyList<ArmResult> arms)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(arms);
        var observe = arms.FirstOrDefault(a => a.Arm == ArmKind.Observe);
        return new EvaluationReport(Scenario(scenario), [.. arms.Select(a => Arm(a, observe))]);
    }

    public static string ArmName(ArmKind arm) => arm.ToString().ToLowerInvariant();

    private static ScenarioSummary Scenario(EvaluationScenario s)
    {
        var replay = s.Replay is { } r
            ? new ReplaySummary(Path.GetFileName(r.File), r.Format, r.Report.Rows, r.Report.Kept, r.Report.Malformed, r.Report.OutOfBounds,
                r.Report.OtherBase, r.Report.OutsideDates, r.Report.Errors)
            : null;
        return new ScenarioSummary(s.Name, s.City.Id, s.City.TimeZone.Id, s.City.Currency, s.Start, s.End, s.Simulation.Fleet.Drivers,
            s.Simulation.Fleet.AlwaysOnline, s.Simulation.Fleet.ShiftDemandExponent, s.Simulation.Seed, s.Grid.Step.TotalSeconds, s.Grid.CellTick.TotalSeconds, s.Grid.Budget,
            s.Grid.CitySettings, replay);
    }

    private static ArmSummary Arm(ArmResult result, ArmResult? observe)
    {
        var sim = result.Simulation;
        var ledger = result.Ledger;
        var paidOffers = ledger.PaidOnTime + ledger.PaidLate;
        int? extraServed = observe is null || observe == result ? null : sim.Served - observe.Simulation.Served;
        decimal? spendPerExtra = extraServed is > 0 ? Round(ledger.Spent / extraServed.Value) : null;
        double? servedChange = observe is null || observe == result ? null : Change(sim.Served, observe.Simulation.Served);
        double? pickupChange = observe is null || observe == result ? null : Change(sim.PickupKm.Mean, observe.Simulation.PickupKm.Mean);
        var grid = result.Grid;
        return new ArmSummary(
            ReportBuilder.ArmName(result.Arm),
            sim.Bookings,
            sim.Served,
            Round(sim.ServedPct),
            sim.Expired,
            sim.ExpiredInReach,
            sim.ExpiredMisplaced,
            sim.ExpiredShort,
            sim.InProgress,
            Round(sim.PickupKm.Mean),
            Round(sim.PickupKm.P50),
            Round(sim.PickupKm.P90),
            Round(sim.PickupMinutes.Mean),
            Round(sim.PickupMinutes.P50),
            Round(sim.PickupMinutes.P90),
            Round(sim.WaitMinutes.Mean),
            Round(sim.UtilizationPct),
            Round(sim.EmptyKm, 1),
            Round(sim.LoadedKm, 1),
            sim.OffersReceived,
            sim.OffersAccepted,
            sim.OffersDeclined,
            sim.OffersArrived,
            ledger.Spent,
            paidOffers,
            paidOffers > 0 ? Round(ledger.Spent / paidOffers) : null,
            extraServed,
            spendPerExtra,
            servedChange,
            pickupChange,
            sim.Directives,
            new GridSummary(grid.Offers.Sent, grid.Offers.Accepted, grid.Offers.Declined, grid.Offers.Expired, grid.Offers.Arrived,
                grid.Offers.Failed, ledger.Spent, ledger.Reserved, ledger.PaidOnTime, ledger.PaidLate, grid.ActiveCells,
                grid.ForecastMape is { } mape ? Round(mape) : null),
            new RunCounts(result.Run.Steps, result.Run.EventsDelivered, result.Run.DeadLetters, result.Run.GrainFailures, result.Run.TimerTicks,
                result.Run.MdtMessages, result.Run.GridWarnings, result.Run.RuntimeWarnings),
            [.. sim.Hours.Select(Hour)]);
    }

    private static HourSummary Hour(HourlyMetrics h) =>
        new(h.HourStart, h.LocalHour, h.Bookings, h.Served, h.Expired, h.ExpiredShort, Round(h.ServedPct), Round(h.MeanPickupMinutes), Round(h.MeanPickupKm));

    /// <summary>Relative change in percent; null when the reference is zero.</summary>
    private static double? Change(double value, double reference) => reference == 0 ? null : Round(100 * (value / reference - 1));

    private static double Round(double value, int decimals = 4) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
