using SupplyGrid.Api.Dashboards;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Dashboard.Tests.CityDashboard;

public sealed class RecentMdtMessagesTests
{
    internal static MdtMessage Message(string id, string? offerId = null, LatLng? centre = null, MdtMessageType type = MdtMessageType.RepositionOffer) => new()
    {
        MessageId = id,
        OfferId = offerId,
        DriverId = "d-" + id,
        VehicleId = "v-" + id,
        Type = type,
        Text = "TEXT " + id,
        Payload = centre is { } c ? new MdtPayload { CentreLat = c.Lat, CentreLng = c.Lng } : null,
        Ts = new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),
        ExpiresAt = new DateTimeOffset(2026, 11, 22, 8, 5, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Keeps_the_newest_messages_with_increasing_sequence_numbers()
    {
        var recent = new RecentMdtMessages(capacity: 3);
        for (var i = 1; i <= 5; i++)
            recent.Record(Message("m" + i));

        var all = recent.Newest(0, 10, _ => true);
        Assert.Equal(["m5", "m4", "m3"], all.Select(m => m.Message.MessageId));
        Assert.Equal([5L, 4L, 3L], all.Select(m => m.Sequence));
        Assert.Equal(5, recent.LastSequence);
    }

    [Fact]
    public void Returns_only_messages_after_the_sequence_given_and_at_most_the_limit()
    {
        var recent = new RecentMdtMessages();
        for (var i = 1; i <= 6; i++)
            recent.Record(Message("m" + i));

        Assert.Equal(["m6", "m5"], recent.Newest(4, 10, _ => true).Select(m => m.Message.MessageId));
        Assert.Equal(["m6", "m5", "m4"], recent.Newest(0, 3, _ => true).Select(m => m.Message.MessageId));
        Assert.Empty(recent.Newest(6, 10, _ => true));
    }

    [Fact]
    public void A_message_without_a_place_takes_the_place_of_its_offer()
    {
        var recent = new RecentMdtMessages();
        var marina = new LatLng(1.2834, 103.8607);
        recent.Record(Message("offer", offerId: "o-1", centre: marina));
        recent.Record(Message("other", offerId: "o-2", centre: new LatLng(1.35, 103.94)));
        recent.Record(Message("expired", offerId: "o-1", type: MdtMessageType.OfferExpired));
        recent.Record(Message("broadcast", type: MdtMessageType.Broadcast));

        var placed = recent.Newest(0, 10, _ => true).ToDictionary(m => m.Message.MessageId, m => m.Place);
        Assert.Equal(marina, placed["expired"]);
        Assert.Null(placed["broadcast"]);
    }

    [Fact]
    public void Filters_with_the_predicate_given()
    {
        var recent = new RecentMdtMessages();
        recent.Record(Message("here", centre: new LatLng(1.3, 103.8)));
        recent.Record(Message("elsewhere", centre: new LatLng(40.7, -74.0)));

        Assert.Equal(["here"], recent.Newest(0, 10, m => m.Place!.Value.Lat < 10).Select(m => m.Message.MessageId));
    }
}
