using System.Text;
using System.Text.RegularExpressions;
using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

/// <summary>docs/topics.md stays true: its table matches the contracts and its examples read into the samples.</summary>
public partial class TopicsDocTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "topics.md")));

    private readonly TopicContracts _contracts = Samples.Contracts();

    [Fact]
    public void The_overview_table_matches_the_contracts()
    {
        var documented = OverviewRow().Matches(Doc.Value)
            .Select(m => (m.Groups["topic"].Value, m.Groups["key"].Value, int.Parse(m.Groups["partitions"].Value), m.Groups["type"].Value))
            .ToList();

        var expected = _contracts.All.Select(c => (c.Topic, c.KeyField, c.DefaultPartitions, c.RecordType.Name)).ToList();
        Assert.Equal(expected, documented);
    }

    [Theory]
    [InlineData(Topics.DriverEvent)]
    [InlineData(Topics.VehicleEvent)]
    [InlineData(Topics.BookingCreated)]
    [InlineData(Topics.DispatchJob)]
    [InlineData(Topics.UploadTrip)]
    [InlineData(Topics.DriverRealPerformance)]
    [InlineData(Topics.MessageReply)]
    [InlineData(Topics.MessageSend)]
    public void The_example_of_each_topic_reads_into_its_sample(string topic)
    {
        byte[] example = Encoding.UTF8.GetBytes(Example(topic));
        byte[] sample = Encoding.UTF8.GetBytes(JsonStrictnessTests.SampleJson(topic));

        object documented = Read(topic, example);

        Assert.Equal(Read(topic, sample), documented);
    }

    private object Read(string topic, byte[] json) => topic switch
    {
        Topics.DriverEvent => ReadWith(_contracts.DriverEvent, json),
        Topics.VehicleEvent => ReadWith(_contracts.VehicleEvent, json),
        Topics.BookingCreated => ReadWith(_contracts.BookingCreated, json),
        Topics.DispatchJob => ReadWith(_contracts.DispatchJob, json),
        Topics.UploadTrip => ReadWith(_contracts.UploadTrip, json),
        Topics.DriverRealPerformance => ReadWith(_contracts.DriverRealPerformance, json),
        Topics.MessageReply => ReadWith(_contracts.MessageReply, json),
        Topics.MessageSend => ReadWith(_contracts.MessageSend, json),
        _ => throw new ArgumentException($"No contract for {topic}.", nameof(topic)),
    };

    private static T ReadWith<T>(TopicContract<T> contract, byte[] json) where T : class, ITopicRecord
    {
        Assert.True(contract.TryRead(json, out var record, out var error), error);
        return record;
    }

    /// <summary>The first JSON block of the topic's own section.</summary>
    private static string Example(string topic)
    {
        string heading = "\n### " + topic + "\n";
        int start = Doc.Value.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/topics.md has no section {topic}");
        int end = Doc.Value.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        string section = end < 0 ? Doc.Value[start..] : Doc.Value[start..end];
        var block = JsonBlock().Match(section);
        Assert.True(block.Success, $"the {topic} section has no json block");
        return block.Groups["json"].Value;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupplyGrid.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No SupplyGrid.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"^\| `(?<topic>[a-z.]+[a-z_]+)` \| (in|out) \| `(?<key>[a-z_]+)` \| (?<partitions>\d+) \| `(?<type>\w+)` \|$", RegexOptions.Multiline)]
    private static partial Regex OverviewRow();

    [GeneratedRegex(@"```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
