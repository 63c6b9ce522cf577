using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class IncentiveSettlerTests
{
    private static readonly DateTimeOffset AcceptedAt = TestClock.MondayMidnightUtc.AddHours(2);
    private readonly IncentiveSettler _settler = new(new IncentiveOptions());

    [Theory]
    [InlineData(0, SettlementOutcome.OnTime, 15.55)]
    [InlineData(10 * 60, SettlementOutcome.OnTime, 15.55)]
    [InlineData(15 * 60, SettlementOutcome.OnTime, 15.55)] // the limit itself is on time
    [InlineData(15 * 60 + 1, SettlementOutcome.Late, 7.77)] // half of 15.55 = 7.775, rounded down
    [InlineData(30 * 60, SettlementOutcome.Late, 7.77)]
    [InlineData(30 * 60 + 1, SettlementOutcome.Failed, 0)]
    public void Full_within_fifteen_minutes_half_when_late_nothing_after_thirty(int secondsAfterAcceptance, SettlementOutcome outcome, double paid)
    {
        var settlement = _settler.Settle(15.55m, AcceptedAt, AcceptedAt.AddSeconds(secondsAfterAcceptance));

        Assert.Equal(outcome, settlement.Outcome);
        Assert.Equal((decimal)paid, settlement.Paid);
    }

    [Fact]
    public void No_arrival_pays_nothing()
    {
        Assert.Equal(new IncentiveSettlement(SettlementOutcome.Failed, 0m), _settler.Settle(12m, AcceptedAt, arrivedAt: null));
    }

    [Fact]
    public void Deadlines_are_counted_from_acceptance()
    {
        Assert.Equal(AcceptedAt.AddMinutes(15), _settler.ArrivalDeadline(AcceptedAt));
        Assert.Equal(AcceptedAt.AddMinutes(30), _settler.FailureDeadline(AcceptedAt));
    }

    [Fact]
    public void Late_share_and_limits_are_configurable()
    {
        var settler = new IncentiveSettler(new IncentiveOptions { ArrivalTimeLimit = TimeSpan.FromMinutes(10), FailAfter = TimeSpan.FromMinutes(12), LatePayoutFraction = 0.25m });

        Assert.Equal(new IncentiveSettlement(SettlementOutcome.Late, 2.5m), settler.Settle(10m, AcceptedAt, AcceptedAt.AddMinutes(11)));
        Assert.Equal(SettlementOutcome.Failed, settler.Settle(10m, AcceptedAt, AcceptedAt.AddMinutes(13)).Outcome);
    }

    [Fact]
    public void Arrival_before_acceptance_is_refused()
    {
        Assert.Equal("arrivedAt", Assert.Throws<ArgumentOutOfRangeException>(() => _settler.Settle(10m, AcceptedAt, AcceptedAt.AddSeconds(-1))).ParamName);
    }
}
