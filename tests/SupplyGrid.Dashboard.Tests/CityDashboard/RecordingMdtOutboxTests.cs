using SupplyGrid.Api.Dashboards;
using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Dashboard.Tests.CityDashboard;

public sealed class RecordingMdtOutboxTests
{
    [Fact]
    public async Task Records_a_message_once_the_real_outbox_accepted_it()
    {
        var inner = new InMemoryMdtOutbox();
        var recent = new RecentMdtMessages();
        var outbox = new RecordingMdtOutbox(inner, recent);

        await outbox.SendAsync(RecentMdtMessagesTests.Message("m1"));
        await outbox.SendAsync(RecentMdtMessagesTests.Message("m2"));

        Assert.Equal(["m1", "m2"], inner.Messages.Select(m => m.MessageId));
        Assert.Equal(["m2", "m1"], recent.Newest(0, 10, _ => true).Select(m => m.Message.MessageId));
    }

    [Fact]
    public async Task Records_nothing_when_the_real_outbox_refuses()
    {
        var recent = new RecentMdtMessages();
        var outbox = new RecordingMdtOutbox(new RefusingOutbox(), recent);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await outbox.SendAsync(RecentMdtMessagesTests.Message("m1")));

        Assert.Equal(0, recent.LastSequence);
    }

    [Fact]
    public async Task Records_a_message_the_real_outbox_accepts_later()
    {
        var recent = new RecentMdtMessages();
        var outbox = new RecordingMdtOutbox(new SlowOutbox(), recent);

        await outbox.SendAsync(RecentMdtMessagesTests.Message("m1"));

        Assert.Equal(1, recent.LastSequence);
    }

    private sealed class RefusingOutbox : IMdtOutbox
    {
        public ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new InvalidOperationException("full"));

        public ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default) => SendAsync(message, cancellationToken);
    }

    private sealed class SlowOutbox : IMdtOutbox
    {
        public async ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default) =>
            await Task.Delay(20, cancellationToken);

        public ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default) => SendAsync(message, cancellationToken);
    }
}
