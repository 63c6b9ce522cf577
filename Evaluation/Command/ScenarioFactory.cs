using SupplyGrid.Evaluation.Runs;
using SupplyGrid.Simulator;

namespace SupplyGrid.Evaluation.Command;

/// <summary>Builds the scenario the options describe: the city, the demand (replayed or generated), the window, the fleet.</summary>
public static class ScenarioFactory
{
    /// <summary>The simulated day when --from is not given.</summary>
    public static readonly DateOnly DefaultDay = new(2026, 11, 23);

    public static EvaluationScenario Create(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var city = City(options);
        var simulation = new SimulationOptions { Seed = options.Seed };
        simulation.Fleet.Drivers = options.Drivers ?? simulation.Fleet.Drivers;
        simulation.Fleet.AlwaysOnline = options.AlwaysOnline;
        simulation.Fleet.ShiftDemandExponent = options.ShiftExponent ?? simulation.Fleet.ShiftDemandExponent;
        if (options.PingSeconds is { } ping)
        {
            // Uniform within a fifth either side of the mean, as the default 3 to 5 s is around 4 s.
            simulation.Movement.PingSecondsMin = ping * 0.8;
            simulation.Movement.PingSecondsMax = ping * 1.2;
        }

        var grid = new GridSettings
        {
            Step = TimeSpan.FromSeconds(options.StepSeconds),
            CellTick = TimeSpan.FromSeconds(options.TickSeconds),
            Budget = options.Budget,
            CitySettings = options.GridSettings,
        };
        return options.Replay is null ? Generated(options, city, simulation, grid) : Replayed(options, city, simulation, grid);
    }

    private static CityMap City(EvaluationOptions options)
    {
        var id = options.City ?? (options.Replay is null ? Cities.SingaporeId : Cities.NewYorkId);
        try
        {
            return Cities.ById(id);
        }
        catch (ArgumentException ex)
        {
            throw new EvaluationArgumentException($"--city: {ex.Message}");
        }
    }

    private static EvaluationScenario Generated(EvaluationOptions options, CityMap city, SimulationOptions simulation, GridSettings grid)
    {
        var demand = new DemandOptions();
        demand.BookingsPerHour = options.BookingsPerHour ?? demand.BookingsPerHour;
        var day = options.From ?? DefaultDay;
        var hours = options.Hours ?? 24;
        return new EvaluationScenario
        {
            Name = $"Simulated {city.Name} day {day:yyyy-MM-dd}, {demand.BookingsPerHour:0} bookings/hour on average",
            City = city,
            Demand = () => new PoissonDemand(city, demand),
            Start = LocalMidnight(day, city.TimeZone),
            Duration = TimeSpan.FromHours(hours),
            Simulation = simulation,
            Grid = grid,
        };
    }

    private static EvaluationScenario Replayed(EvaluationOptions options, CityMap city, SimulationOptions simulation, GridSettings grid)
    {
        var file = options.Replay!;
        if (!File.Exists(file))
            throw new EvaluationArgumentException($"--replay: no file '{file}'.");
        var format = options.Format == ReplayFormat.Auto ? ReplayFiles.Detect(file) : options.Format;
        var read = new ReplayReadOptions { Base = options.Base, From = options.From, To = options.To, FoldDays = options.FoldDays };
        var data = format == ReplayFormat.Nyc ? NycUberCsvReader.Read(file, city, read) : GenericPickupCsvReader.Read(file, city, read);
        var report = data.Report;
        if (data.First is not { } first || data.Last is not { } last)
        {
            throw new EvaluationArgumentException(
                $"--replay: no pickup of '{file}' is left to replay ({report.Rows} rows: {report.Malformed} malformed, {report.OutOfBounds} outside {city.Name}, " +
                $"{report.OtherBase} of other bases, {report.OutsideDates} outside the dates).");
        }

        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(first, city.TimeZone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(last, city.TimeZone).DateTime);
        var start = LocalMidnight(firstDay, city.TimeZone);
        var end = LocalMidnight(lastDay.AddDays(1), city.TimeZone);
        var duration = options.Hours is { } hours ? TimeSpan.FromHours(hours) : end - start;
        var formatName = format == ReplayFormat.Nyc ? "nyc" : "generic";
        return new EvaluationScenario
        {
            Name = Describe(city, Path.GetFileName(file), options, firstDay, lastDay),
            City = city,
            Demand = () => new ReplayDemand(data, city, new ReplayTripOptions()),
            Start = start,
            Duration = duration,
            Simulation = simulation,
            Grid = grid,
            Replay = new ReplayInput(file, formatName, report),
        };
    }

    private static string Describe(CityMap city, string file, EvaluationOptions options, DateOnly firstDay, DateOnly lastDay)
    {
        var parts = new List<string> { $"{city.Name} replay of {file}" };
        if (options.Base is { } dispatchBase)
            parts.Add($"base {dispatchBase}");
        parts.Add(options.FoldDays ? $"folded onto {firstDay:yyyy-MM-dd}" : firstDay == lastDay ? $"{firstDay:yyyy-MM-dd}" : $"{firstDay:yyyy-MM-dd} to {lastDay:yyyy-MM-dd}");
        return string.Join(", ", parts);
    }

    /// <summary>The UTC instant of a local midnight (a midnight skipped by a clock change is read an hour later).</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            local = local.AddHours(1);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }
}
