using SupplyGrid.Grains.Messaging;
using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Api.Dashboards;

/// <summary>
/// An <see cref="IMdtOutbox"/> that hands every message to the real outbox and, once it was accepted, records it in
/// <see cref="RecentMdtMessages"/> for the city dashboard's feed.
/// </summary>
public sealed class RecordingMdtOutbox(IMdtOutbox inner, RecentMdtMessages recent) : IMdtOutbox
{
    private readonly IMdtOutbox _inner = inner ?? throw new ArgumentNullException(nameof(inner));
    private readonly RecentMdtMessages _recent = recent ?? throw new ArgumentNullException(nameof(recent));

    public ValueTask SendAsync(MdtMessage message, CancellationToken cancellationToken = default)
    {
        var sending = _inner.SendAsync(message, cancellationToken);
        if (!sending.IsCompletedSuccessfully)
            return RecordWhenSentAsync(sending, message);
        sending.GetAwaiter().GetResult();
        _recent.Record(message);
        return ValueTask.CompletedTask;
    }

    /// <summary>Forwards the durable hand-over as such (not as a plain send), and records the message once it is delivered.</summary>
    public async ValueTask DeliverAsync(MdtMessage message, CancellationToken cancellationToken = default)
    {
        await _inner.DeliverAsync(message, cancellationToken).ConfigureAwait(false);
        _recent.Record(message);
    }

    private async ValueTask RecordWhenSentAsync(ValueTask sending, MdtMessage message)
    {
        await sending.ConfigureAwait(false);
        _recent.Record(message);
    }
}
