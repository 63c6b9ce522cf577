using Microsoft.AspNetCore.Http;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// Whether a deployment agrees with the silo. Each check returns the disagreements, one sentence each; an empty list
/// means agreement.
/// </summary>
internal static class DeploymentChecks
{
    private static readonly HashSet<string> s_anyInterface = new(StringComparer.Ordinal) { "+", "*", "0.0.0.0", "[::]" };

    /// <summary>Settings the silo never looked up: a misspelt or retired key, silently ignored in production.</summary>
    public static List<string> UnreadSettings(IReadOnlyDictionary<string, string> settings, SiloStartReport report) =>
        settings.Keys.Where(k => !report.KeysRead.Contains(k))
            .Select(k => $"{k} is set but the silo does not read it.")
            .ToList();

    /// <summary>The silo's own start-up validation and the creation of every options class it registered.</summary>
    public static List<string> StartProblems(SiloStartReport report) =>
        (report.StartFailure is { } failure ? [$"The silo refuses to start: {failure}"] : new List<string>())
            .Concat(report.OptionsFailures.Select(f => $"Options cannot be created: {f}"))
            .ToList();

    /// <summary>The silo must listen on every interface of the container, on the port the deployment exposes.</summary>
    public static List<string> ListenProblems(SiloStartReport report, int containerPort)
    {
        if (report.ListenAddresses.Count == 0)
            return ["The silo was given no address to listen on."];
        var problems = new List<string>();
        foreach (var text in report.ListenAddresses)
        {
            var address = BindingAddress.Parse(text);
            if (!s_anyInterface.Contains(address.Host))
                problems.Add($"The silo listens on {text}: only that host, not every interface, reaches it in a container.");
            if (address.Port != containerPort)
                problems.Add($"The silo listens on port {address.Port} ({text}), the deployment exposes {containerPort}.");
        }

        return problems;
    }

    /// <summary>A health probe must request a route the silo maps for GET and answers without a token, on the silo's port.</summary>
    public static List<string> ProbeProblems(string probe, string path, int port, SiloStartReport report, int containerPort)
    {
        var problems = new List<string>();
        if (port != containerPort)
            problems.Add($"The {probe} probe requests port {port}; the silo listens on {containerPort}.");
        var routes = report.Routes.Where(r => string.Equals(r.LiteralPath, path, StringComparison.OrdinalIgnoreCase)
            && (r.Methods.Count == 0 || r.Methods.Contains(HttpMethods.Get, StringComparer.OrdinalIgnoreCase))).ToList();
        if (routes.Count == 0)
            problems.Add($"The {probe} probe requests GET {path}, which the silo does not map.");
        else if (!routes.Any(r => r.Anonymous))
            problems.Add($"The {probe} probe requests GET {path}, which needs a bearer token the probe does not send.");
        return problems;
    }

    /// <summary>
    /// The topics a deployment creates must be exactly those the silo uses (the declared topics and the dead-letter
    /// topic, as its own embedded broker would create them), each with the product's partition count
    /// (<see cref="Topics.DefaultPartitions"/>: the driver-keyed topics must agree for per-driver ordering).
    /// </summary>
    public static List<string> TopicProblems(IReadOnlyDictionary<string, int> created, SiloStartReport report)
    {
        var problems = new List<string>();
        problems.AddRange(report.KafkaTopics.Where(t => !created.ContainsKey(t)).Order(StringComparer.Ordinal).Select(t => $"Topic {t} is used by the silo but not created."));
        problems.AddRange(created.Keys.Where(t => !report.KafkaTopics.Contains(t)).Order(StringComparer.Ordinal).Select(t => $"Topic {t} is created but the silo does not use it."));
        foreach (var (topic, partitions) in created.Where(c => report.KafkaTopics.Contains(c.Key)))
        {
            if (!Topics.DefaultPartitions.TryGetValue(topic, out var expected))
                problems.Add($"Topic {topic} has no partition count in the product's topic list.");
            else if (partitions != expected)
                problems.Add($"Topic {topic} is created with {partitions} partitions; the product's topic list says {expected}.");
        }

        return problems;
    }
}
