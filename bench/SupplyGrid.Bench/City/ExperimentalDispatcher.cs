using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using SupplyGrid.Grains;
using SupplyGrid.Grains.Events;
using SupplyGrid.Grains.Streams;
using SupplyGrid.Kafka;

namespace SupplyGrid.Bench.City;

// TEMPORARY experiment, not part of the benchmark: variants of the hand-over to measure candidate fixes.
internal static class ExperimentalDispatcher
{
    public static OrderedRecordDispatcher Create(IServiceProvider services, string experiment)
    {
        var router = services.GetRequiredService<TopicRouter>();
        var grains = services.GetRequiredService<IGrainFactory>();
        Func<string, object, Task> send = router.Send;
        if (experiment.Contains("refs"))
        {
            var sample = (GrainReference)(object)grains.GetGrain<IDriverGrain>("x");
            var type = sample.GrainId.Type;
            var iface = sample.InterfaceType;
            var inner = send;
            send = (key, record) => record is DriverEvent ping
                ? ((IDriverGrain)grains.GetGrain(GrainId.Create(type, key), iface)).OnNextAsync(ping)
                : inner(key, record);
        }

        if (experiment.Contains("pool"))
        {
            var inner = send;
            send = (key, record) => Task.Run(() => inner(key, record));
        }

        Console.Error.WriteLine($"EXPERIMENT {experiment}");
        return new OrderedRecordDispatcher(router.Consumes, router.GrainKey, send);
    }
}
