using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Streams;

namespace SupplyGrid.Grains.Streams;

/// <summary>
/// The consumed Kafka topics as Orleans streams, when the silo has a stream provider named <see cref="ProviderName"/>
/// (Streaming.Kafka): each topic is the stream namespace of its name, and a grain subscribed implicitly to it receives
/// the records of its own key (a driver's topics by driver id; bookings by the cell of their pickup, see
/// <see cref="TopicRouter.GrainKey"/>). A silo without the provider hands records to the same grain methods by calls.
/// </summary>
public static class TopicStreams
{
    public const string ProviderName = "topics";

    /// <summary>
    /// Attaches <paramref name="handle"/> to the grain's implicit subscription in <paramref name="streamNamespace"/>,
    /// when the silo has the provider. Call it from <c>OnActivateAsync</c>: Orleans delivers a stream's records only to
    /// an activation that subscribed.
    /// </summary>
    public static async Task SubscribeOwnStreamAsync<T>(this Grain grain, string streamNamespace, Func<T, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(grain);
        ArgumentNullException.ThrowIfNull(handle);
        if (grain.GrainContext.ActivationServices.GetKeyedService<IStreamProvider>(ProviderName) is not { } provider)
            return;
        var stream = provider.GetStream<T>(StreamId.Create(streamNamespace, grain.GetPrimaryKeyString()));
        await stream.SubscribeAsync((item, _) => handle(item));
    }
}
