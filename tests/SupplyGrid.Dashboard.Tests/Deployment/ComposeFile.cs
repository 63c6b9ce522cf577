using YamlDotNet.RepresentationModel;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>deploy/compose/compose.yaml, read strictly, with its variables substituted from the given environment.</summary>
internal sealed class ComposeFile
{
    public const string SiloService = "silo";

    public const string TopicsService = "kafka-topics";

    private readonly YamlMappingNode _services;
    private readonly IReadOnlyDictionary<string, string> _variables;

    private ComposeFile(YamlMappingNode root, IReadOnlyDictionary<string, string> variables)
    {
        _services = root.Mapping("services");
        _variables = variables;
    }

    /// <param name="variables">The shell environment compose would substitute from.</param>
    public static ComposeFile Load(string path, IReadOnlyDictionary<string, string> variables) => new(YamlNodes.LoadMapping(path), variables);

    public IReadOnlyList<string> ServiceNames => _services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();

    /// <summary>The service's environment variables, substituted.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment(string service) =>
        Service(service).Mapping("environment").ScalarEntries()
            .Select(e => KeyValuePair.Create(e.Key, Interpolation.Resolve(e.Value, _variables)))
            .ToList();

    /// <summary>The container ports the service publishes ("host:container" entries).</summary>
    public IReadOnlyList<int> PublishedContainerPorts(string service) =>
        Service(service).Sequence("ports").Scalars().Select(p => int.Parse(p.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The one URL the service's healthcheck command requests.</summary>
    public Uri HealthcheckUrl(string service)
    {
        var test = Service(service).Mapping("healthcheck").Sequence("test").Scalars();
        var urls = test.Where(a => a.StartsWith("http://", StringComparison.Ordinal) || a.StartsWith("https://", StringComparison.Ordinal)).ToList();
        return urls.Count == 1
            ? new Uri(urls[0])
            : throw new InvalidDataException($"The healthcheck of '{service}' must request exactly one URL; found {urls.Count}.");
    }

    /// <summary>Topic name to partition count, from every <c>kafka-topics.sh --create</c> line of the topics service's command.</summary>
    public IReadOnlyDictionary<string, int> CreatedTopics()
    {
        var lines = Service(TopicsService).Sequence("command").Scalars()
            .SelectMany(c => c.Split('\n'))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(t => t.Any(a => a.EndsWith("kafka-topics.sh", StringComparison.Ordinal)) && t.Contains("--create"));
        var topics = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tokens in lines)
        {
            var topic = Argument(tokens, "--topic");
            if (!topics.TryAdd(topic, int.Parse(Argument(tokens, "--partitions"), System.Globalization.CultureInfo.InvariantCulture)))
                throw new InvalidDataException($"Topic '{topic}' is created twice.");
        }

        return topics;
    }

    private static string Argument(string[] tokens, string option)
    {
        var at = Array.IndexOf(tokens, option);
        return at >= 0 && at + 1 < tokens.Length
            ? tokens[at + 1]
            : throw new InvalidDataException($"'{string.Join(' ', tokens)}' has no {option} value.");
    }

    private YamlMappingNode Service(string name) => _services.Mapping(name);
}
