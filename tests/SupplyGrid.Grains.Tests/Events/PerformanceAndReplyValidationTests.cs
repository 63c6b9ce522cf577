using SupplyGrid.Grains.Events;

namespace SupplyGrid.Grains.Tests.Events;

public class PerformanceAndReplyValidationTests
{
    private static readonly RuleCases<DriverRealPerformance> PerformanceCases = new RuleCases<DriverRealPerformance>()
        .Valid("the sample", p => p)
        .Broken("event_id empty", "event_id", p => p with { EventId = "" })
        .Broken("ts stale", "ts", p => p with { Ts = Samples.Now.AddHours(-24).AddSeconds(-1) })
        .Broken("driver_id empty", "driver_id", p => p with { DriverId = "" })
        .Valid("acceptance_rate 0", p => p with { AcceptanceRate = 0 })
        .Valid("acceptance_rate 1", p => p with { AcceptanceRate = 1 })
        .Broken("acceptance_rate negative", "acceptance_rate", p => p with { AcceptanceRate = -0.0001 })
        .Broken("acceptance_rate above 1", "acceptance_rate", p => p with { AcceptanceRate = 1.0001 })
        .Broken("acceptance_rate NaN", "acceptance_rate", p => p with { AcceptanceRate = double.NaN })
        .Valid("cancellation_rate 0", p => p with { CancellationRate = 0 })
        .Valid("cancellation_rate 1", p => p with { CancellationRate = 1 })
        .Broken("cancellation_rate negative", "cancellation_rate", p => p with { CancellationRate = -0.0001 })
        .Broken("cancellation_rate above 1", "cancellation_rate", p => p with { CancellationRate = 1.0001 })
        .Valid("rating 0", p => p with { Rating = 0 })
        .Valid("rating 5", p => p with { Rating = 5 })
        .Broken("rating negative", "rating", p => p with { Rating = -0.01 })
        .Broken("rating above 5", "rating", p => p with { Rating = 5.01 })
        .Broken("rating NaN", "rating", p => p with { Rating = double.NaN })
        .Valid("online_hours 0", p => p with { OnlineHours = 0 })
        .Broken("online_hours negative", "online_hours", p => p with { OnlineHours = -0.1 })
        .Broken("online_hours infinite", "online_hours", p => p with { OnlineHours = double.PositiveInfinity })
        .Valid("completed_trips 0", p => p with { CompletedTrips = 0 })
        .Broken("completed_trips negative", "completed_trips", p => p with { CompletedTrips = -1 });

    private static readonly RuleCases<MessageReply> ReplyCases = new RuleCases<MessageReply>()
        .Valid("the sample", r => r)
        .Broken("event_id empty", "event_id", r => r with { EventId = "" })
        .Broken("ts ahead", "ts", r => r with { Ts = Samples.Now.AddHours(1) })
        .Broken("message_id too long", "message_id", r => r with { MessageId = new string('m', 65) })
        .Broken("driver_id empty", "driver_id", r => r with { DriverId = "" })
        .Broken("decision undefined", "decision", r => r with { Decision = (ReplyDecision)5 })
        .Valid("accept without reason", r => r with { Decision = ReplyDecision.Accept, Reason = null })
        .Valid("reason empty", r => r with { Reason = "" })
        .Valid("reason of 200 characters", r => r with { Reason = new string('r', 200) })
        .Broken("reason of 201 characters", "reason", r => r with { Reason = new string('r', 201) })
        .Broken("reason with a line break", "reason", r => r with { Reason = "too\nfar" });

    public static TheoryData<string> PerformanceCaseNames => PerformanceCases.Names;

    public static TheoryData<string> ReplyCaseNames => ReplyCases.Names;

    [Theory]
    [MemberData(nameof(PerformanceCaseNames))]
    public void Driver_real_performance_rule(string name) => PerformanceCases.Check(Samples.DriverRealPerformance, name);

    [Theory]
    [MemberData(nameof(ReplyCaseNames))]
    public void Message_reply_rule(string name) => ReplyCases.Check(Samples.MessageReply, name);
}
