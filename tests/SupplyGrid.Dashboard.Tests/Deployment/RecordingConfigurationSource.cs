using Microsoft.Extensions.Configuration;

namespace SupplyGrid.Dashboard.Tests.Deployment;

/// <summary>
/// A configuration source that holds given settings and remembers every key the host asks it for. Added last, it is
/// the first provider the configuration root consults, so it sees every value lookup and every child enumeration
/// (what the options binder does for each property of a bound options class).
/// </summary>
internal sealed class RecordingConfigurationSource(IReadOnlyDictionary<string, string> settings) : IConfigurationSource
{
    private readonly RecordingProvider _provider = new(settings);

    /// <summary>Every key whose value was looked up, in configuration form (Kafka:BootstrapServers).</summary>
    public IReadOnlySet<string> KeysRead => _provider.KeysRead;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    private sealed class RecordingProvider : ConfigurationProvider
    {
        private readonly HashSet<string> _keysRead = new(StringComparer.OrdinalIgnoreCase);

        public RecordingProvider(IReadOnlyDictionary<string, string> settings)
        {
            foreach (var (key, value) in settings)
                Data[key] = value;
        }

        public IReadOnlySet<string> KeysRead
        {
            get
            {
                lock (_keysRead)
                    return _keysRead.ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
        }

        public override bool TryGet(string key, out string? value)
        {
            lock (_keysRead)
                _keysRead.Add(key);
            return base.TryGet(key, out value);
        }
    }
}
