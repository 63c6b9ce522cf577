using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Diagnostics;
using SupplyGrid.Silo.OperatorDashboard;

namespace SupplyGrid.Dashboard.Tests.OperatorDashboard;

/// <summary>The funnel reads the domain's own counter: these drive the real <see cref="DomainMetrics"/>.</summary>
public sealed class OfferFunnelMeterTests : IDisposable
{
    private readonly ServiceProvider _host = NewMeterFactory();
    private readonly ServiceProvider _otherHost = NewMeterFactory();

    public void Dispose()
    {
        _host.Dispose();
        _otherHost.Dispose();
    }

    [Fact]
    public void Counts_each_transition_under_the_state_it_reached()
    {
        using var funnel = new OfferFunnelMeter(Factory(_host));
        using var metrics = new DomainMetrics(Factory(_host));

        foreach (var state in new[] { OfferState.Offered, OfferState.Offered, OfferState.Offered, OfferState.Accepted, OfferState.Accepted, OfferState.Declined, OfferState.Arrived, OfferState.Expired, OfferState.Failed })
            metrics.Offer(state);

        Assert.Equal(new OfferCounts(Sent: 3, Accepted: 2, Declined: 1, Expired: 1, Arrived: 1, Failed: 1), funnel.Read());
    }

    [Fact]
    public void Counts_only_the_offers_of_its_own_host()
    {
        using var funnel = new OfferFunnelMeter(Factory(_host));
        using var mine = new DomainMetrics(Factory(_host));
        using var other = new DomainMetrics(Factory(_otherHost));
        using var unscoped = new DomainMetrics();

        mine.Offer(OfferState.Offered);
        other.Offer(OfferState.Offered);
        unscoped.Offer(OfferState.Offered);

        Assert.Equal(1, funnel.Read().Sent);
    }

    [Fact]
    public void Hears_a_meter_created_before_it_started_and_nothing_after_it_is_disposed()
    {
        using var metrics = new DomainMetrics(Factory(_host));
        var funnel = new OfferFunnelMeter(Factory(_host));
        metrics.Offer(OfferState.Offered);

        funnel.Dispose();
        metrics.Offer(OfferState.Offered);

        Assert.Equal(1, funnel.Read().Sent);
    }

    private static ServiceProvider NewMeterFactory() => new ServiceCollection().AddMetrics().BuildServiceProvider();

    private static IMeterFactory Factory(ServiceProvider services) => services.GetRequiredService<IMeterFactory>();
}
