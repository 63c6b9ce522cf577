using System.Globalization;
using SupplyGrid.Evaluation.Runs;

namespace SupplyGrid.Evaluation.Command;

/// <summary>Parses the evaluation program's arguments; every problem is an <see cref="EvaluationArgumentException"/> naming the option.</summary>
public static class EvaluationArguments
{
    public const string Usage = """
        usage: dotnet run -c Release --project Evaluation -- [options] --out DIR

        options: [--replay FILE [--format auto|nyc|generic] [--base CODE] [--fold-days] [--to DATE]]
                 [--from DATE] [--hours H] [--city singapore|new-york] [--drivers N] [--always-online | --shift-exponent E]
                 [--seed S] [--naive] [--step-seconds S] [--tick-seconds S] [--budget AMOUNT]
                 [--bookings-per-hour N] [--ping-seconds S] [--grid-setting KEY=VALUE]... [--in-process]

          --replay FILE        replay recorded pickups (NYC 2014 format or time,lat,lng[,dropoff_lat,dropoff_lng])
          --base CODE          keep only this dispatching base's rows (NYC format), e.g. B02512
          --fold-days          move every replayed pickup onto one day (the first kept date), same local time
          --from/--to DATE     first/last local date replayed (yyyy-MM-dd); without --replay, --from is the simulated day
          --hours H            hours to run (default: 24, or every replayed day when not folded)
          --city ID            the simulator's city (default: new-york with --replay, else singapore)
          --drivers N          fleet size (default: the simulator's, 2000); --always-online keeps all of it online
          --shift-exponent E   drivers online per hour follow demand to this power (default 0.75; 1 proportional, 0 flat)
          --seed S             the seed of every random number (default 1)
          --naive              add the naive arm (every free driver sent to the hottest cell)
          --step-seconds S     lockstep step (default 10); --tick-seconds S: cell recompute interval (default 30)
          --budget AMOUNT      reposition budget of the repositioning arm (default 1000000)
          --bookings-per-hour  mean generated demand (simulated city only)
          --ping-seconds S     mean seconds between a driver's pings (default 15; the live simulator's are 3 to 5)
          --grid-setting K=V   a domain setting of the city, K relative to Cities:<city> (repeatable), e.g.
                               Policies:Reposition:WidenedRadiusKm=8; checked by the grid's start validation
          --in-process         run the arms one after another in this process (default: one process per arm, side by side)
          --arm NAME --arm-result FILE   run only this arm and write its raw result (what each arm process does)
          --out DIR            where evaluation.json, evaluation.md, evaluation.svg, timings.json and arms/ go
        """;

    public static EvaluationOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var gridSettings = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!Known.TryGetValue(name, out var takesValue))
                throw new EvaluationArgumentException($"unknown argument '{name}'.");
            if (name == GridSettingArgument)
            {
                if (i + 1 >= args.Count)
                    throw new EvaluationArgumentException($"{name} needs KEY=VALUE.");
                AddGridSetting(gridSettings, args[++i]);
                continue;
            }

            if (values.ContainsKey(name))
                throw new EvaluationArgumentException($"{name} is given twice.");
            string? value = null;
            if (takesValue)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new EvaluationArgumentException($"{name} needs a value.");
                value = args[++i];
            }

            values[name] = value;
        }

        var options = new EvaluationOptions
        {
            Replay = Text(values, "--replay"),
            Format = values.TryGetValue("--format", out var format) ? ParseFormat(format!) : ReplayFormat.Auto,
            Base = Text(values, "--base"),
            FoldDays = values.ContainsKey("--fold-days"),
            From = Date(values, "--from"),
            To = Date(values, "--to"),
            Drivers = values.ContainsKey("--drivers") ? (int)Number(values, "--drivers", 1, 1_000_000, whole: true) : null,
            AlwaysOnline = values.ContainsKey("--always-online"),
            ShiftExponent = values.ContainsKey("--shift-exponent") ? Number(values, "--shift-exponent", 0, 2) : null,
            Seed = values.TryGetValue("--seed", out var seed) ? ParseSeed(seed!) : 1,
            Naive = values.ContainsKey("--naive"),
            City = Text(values, "--city"),
            Hours = values.ContainsKey("--hours") ? Number(values, "--hours", 0.25, 744) : null,
            StepSeconds = values.ContainsKey("--step-seconds") ? Number(values, "--step-seconds", 0.1, 60) : EvaluationOptions.DefaultStepSeconds,
            TickSeconds = values.ContainsKey("--tick-seconds") ? Number(values, "--tick-seconds", 0.1, 600) : 30,
            Budget = values.ContainsKey("--budget") ? (decimal)Number(values, "--budget", 0, 1e12) : 1_000_000m,
            GridSettings = gridSettings,
            BookingsPerHour = values.ContainsKey("--bookings-per-hour") ? Number(values, "--bookings-per-hour", 0, 1e6) : null,
            PingSeconds = values.ContainsKey("--ping-seconds") ? Number(values, "--ping-seconds", 1, 300) : EvaluationOptions.DefaultPingSeconds,
            InProcess = values.ContainsKey("--in-process"),
            Arm = values.TryGetValue("--arm", out var arm) ? ParseArm(arm!) : null,
            ArmResult = Text(values, "--arm-result"),
            Out = Text(values, "--out") ?? throw new EvaluationArgumentException("--out DIR is required."),
        };
        CheckCombinations(options, values);
        return options;
    }

    private static readonly Dictionary<string, bool> Known = new(StringComparer.Ordinal)
    {
        ["--replay"] = true, ["--format"] = true, ["--base"] = true, ["--fold-days"] = false, ["--from"] = true, ["--to"] = true,
        ["--drivers"] = true, ["--always-online"] = false, ["--shift-exponent"] = true, ["--seed"] = true, ["--naive"] = false, ["--city"] = true,
        ["--hours"] = true, ["--step-seconds"] = true, ["--tick-seconds"] = true, ["--budget"] = true,
        ["--bookings-per-hour"] = true, ["--ping-seconds"] = true, ["--in-process"] = false, ["--arm"] = true,
        ["--arm-result"] = true, ["--out"] = true, [GridSettingArgument] = true,
    };

    private const string GridSettingArgument = "--grid-setting";

    /// <summary>KEY=VALUE, KEY relative to the city's section (e.g. Policies:Reposition:WidenedRadiusKm=8); once per key.</summary>
    private static void AddGridSetting(SortedDictionary<string, string> settings, string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
            throw new EvaluationArgumentException($"{GridSettingArgument} '{text}' is not KEY=VALUE.");
        var key = text[..equals].Trim();
        if (key.Length == 0 || key.StartsWith(':') || key.EndsWith(':') || key.Contains("::", StringComparison.Ordinal))
            throw new EvaluationArgumentException($"{GridSettingArgument} '{text}': '{key}' is not a configuration key.");
        if (!settings.TryAdd(key, text[(equals + 1)..].Trim()))
            throw new EvaluationArgumentException($"{GridSettingArgument} sets {key} twice.");
    }

    private static void CheckCombinations(EvaluationOptions o, Dictionary<string, string?> given)
    {
        if (o.Replay is null)
        {
            foreach (var replayOnly in new[] { "--format", "--base", "--fold-days", "--to" })
            {
                if (given.ContainsKey(replayOnly))
                    throw new EvaluationArgumentException($"{replayOnly} needs --replay.");
            }
        }
        else if (o.BookingsPerHour is not null)
        {
            throw new EvaluationArgumentException("--bookings-per-hour is for generated demand; a replay brings its own.");
        }

        if (o.AlwaysOnline && o.ShiftExponent is not null)
            throw new EvaluationArgumentException("--shift-exponent shapes shifts; --always-online has none.");
        if ((o.Arm is null) != (o.ArmResult is null))
            throw new EvaluationArgumentException("--arm and --arm-result go together.");
        if (o.Arm == ArmKind.Naive && !o.Naive)
            throw new EvaluationArgumentException("--arm naive needs --naive.");
        if (o.From is { } from && o.To is { } to && to < from)
            throw new EvaluationArgumentException($"--to ({to:yyyy-MM-dd}) is before --from ({from:yyyy-MM-dd}).");
        if (o.TickSeconds < o.StepSeconds || Math.Abs(o.TickSeconds / o.StepSeconds - Math.Round(o.TickSeconds / o.StepSeconds)) > 1e-9)
            throw new EvaluationArgumentException($"--tick-seconds ({o.TickSeconds}) must be a whole multiple of --step-seconds ({o.StepSeconds}).");
    }

    private static string? Text(Dictionary<string, string?> values, string name)
    {
        if (!values.TryGetValue(name, out var value))
            return null;
        if (string.IsNullOrWhiteSpace(value))
            throw new EvaluationArgumentException($"{name} must not be empty.");
        return value;
    }

    private static DateOnly? Date(Dictionary<string, string?> values, string name)
    {
        if (Text(values, name) is not { } text)
            return null;
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new EvaluationArgumentException($"{name} '{text}' is not a date like 2014-04-01.");
    }

    private static double Number(Dictionary<string, string?> values, string name, double min, double max, bool whole = false)
    {
        var text = Text(values, name)!;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            throw new EvaluationArgumentException($"{name} '{text}' is not a number.");
        if (whole && number != Math.Floor(number))
            throw new EvaluationArgumentException($"{name} '{text}' is not a whole number.");
        if (number < min || number > max)
            throw new EvaluationArgumentException($"{name} {text} is out of range: {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");
        return number;
    }

    private static ulong ParseSeed(string text) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new EvaluationArgumentException($"--seed '{text}' is not a whole number from 0 to {ulong.MaxValue}.");

    private static ArmKind ParseArm(string text) => text.ToLowerInvariant() switch
    {
        "observe" => ArmKind.Observe,
        "reposition" => ArmKind.Reposition,
        "naive" => ArmKind.Naive,
        _ => throw new EvaluationArgumentException($"--arm '{text}' is not one of observe, reposition, naive."),
    };

    private static ReplayFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "auto" => ReplayFormat.Auto,
        "nyc" => ReplayFormat.Nyc,
        "generic" => ReplayFormat.Generic,
        _ => throw new EvaluationArgumentException($"--format '{text}' is not one of auto, nyc, generic."),
    };
}
