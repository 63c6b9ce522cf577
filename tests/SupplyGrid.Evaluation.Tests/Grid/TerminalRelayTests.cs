using SupplyGrid.Evaluation.Grid;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Evaluation.Tests.Grid;

public sealed class TerminalRelayTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Messages_come_out_by_driver_each_driver_in_the_order_sent()
    {
        var relay = new TerminalRelay();
        foreach (var (driver, id) in new[] { ("d2", "a"), ("d1", "b"), ("d2", "c"), ("d3", "d"), ("d1", "e") })
            await relay.SendAsync(Message(driver, id));

        var drained = relay.Drain();

        Assert.Equal(["b", "e", "a", "c", "d"], drained.Select(m => m.MessageId));
        Assert.Empty(relay.Drain());
        Assert.Equal(5, relay.Relayed);
    }

    private static MdtMessage Message(string driver, string id) => new()
    {
        MessageId = id,
        DriverId = driver,
        VehicleId = "v-" + driver,
        Type = MdtMessageType.Broadcast,
        Text = "hello",
        Ts = Now,
        ExpiresAt = Now.AddMinutes(10),
    };
}
