using SupplyGrid.Geo;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Api.Dashboards;

/// <summary>
/// The latest MDT messages the grid sent, for the city dashboard's feed: a fixed ring, so memory stays bounded however
/// many messages flow. The silo feeds it by wrapping its <see cref="Grains.Ports.IMdtOutbox"/> in a
/// <see cref="RecordingMdtOutbox"/>. Each message is placed where its payload points (the target cell's centre); a
/// message without a place (an expiry, a payment) takes the place of an earlier message about the same offer.
/// </summary>
public sealed class RecentMdtMessages
{
    public const int DefaultCapacity = 500;

    private readonly RecentMdtMessage?[] _ring;
    private readonly Lock _gate = new();
    private long _sequence;

    public RecentMdtMessages(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _ring = new RecentMdtMessage?[capacity];
    }

    /// <summary>The sequence number of the newest message recorded (0 before any).</summary>
    public long LastSequence
    {
        get
        {
            lock (_gate)
                return _sequence;
        }
    }

    /// <summary>Keeps <paramref name="message"/>, dropping the oldest when full. Cheap and non-blocking: called on the send path.</summary>
    public void Record(MdtMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload;
        LatLng? place = payload is { CentreLat: { } lat, CentreLng: { } lng } ? new LatLng(lat, lng) : null;
        lock (_gate)
        {
            place ??= PlaceOfOffer(message.OfferId);
            var sequence = ++_sequence;
            _ring[(int)((sequence - 1) % _ring.Length)] = new RecentMdtMessage(sequence, message, place);
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> kept messages newer than <paramref name="afterSequence"/> that
    /// <paramref name="include"/> accepts, newest first.
    /// </summary>
    public IReadOnlyList<RecentMdtMessage> Newest(long afterSequence, int max, Func<RecentMdtMessage, bool> include)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentNullException.ThrowIfNull(include);
        var found = new List<RecentMdtMessage>(Math.Min(max, _ring.Length));
        lock (_gate)
        {
            for (var sequence = _sequence; sequence > afterSequence && sequence > _sequence - _ring.Length && found.Count < max; sequence--)
            {
                var entry = _ring[(int)((sequence - 1) % _ring.Length)]!;
                if (include(entry))
                    found.Add(entry);
            }
        }

        return found;
    }

    // Called under the lock; newest first, so a re-offer's place wins over an older one.
    private LatLng? PlaceOfOffer(string? offerId)
    {
        if (offerId is null)
            return null;
        for (var sequence = _sequence; sequence > 0 && sequence > _sequence - _ring.Length; sequence--)
        {
            var entry = _ring[(int)((sequence - 1) % _ring.Length)]!;
            if (entry.Place is not null && string.Equals(entry.Message.OfferId, offerId, StringComparison.Ordinal))
                return entry.Place;
        }

        return null;
    }
}

/// <summary>One kept MDT message.</summary>
/// <param name="Sequence">Its position in the order recorded, from 1.</param>
/// <param name="Message">The message as sent.</param>
/// <param name="Place">Where it points, when known.</param>
public sealed record RecentMdtMessage(long Sequence, MdtMessage Message, LatLng? Place);
