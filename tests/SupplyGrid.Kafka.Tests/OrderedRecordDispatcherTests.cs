using SupplyGrid.Kafka.Tests.Support;

namespace SupplyGrid.Kafka.Tests;

public sealed class OrderedRecordDispatcherTests
{
    private const string Topic = "t";

    private sealed record Item(string Key, int Seq)
    {
        public override string ToString() => $"{Key}:{Seq}";
    }

    [Fact]
    public async Task A_key_gets_its_next_record_only_after_the_previous_one_was_handled_while_other_keys_finish_first()
    {
        var handler = new GatedHandler();
        var observer = new RecordingObserver();
        var dispatcher = Ordered(handler.Send);

        Deliver(dispatcher, observer, ("a", 1), ("a", 2), ("a", 3), ("b", 1), ("b", 2));
        // The first calls of different keys leave from the thread pool, so they may arrive in either order.
        var firstCalls = new[] { await handler.NextCallAsync(), await handler.NextCallAsync() }.OrderBy(c => c.Key).ToArray();
        var (a1, b1) = (firstCalls[0], firstCalls[1]);
        Assert.Equal([new Item("a", 1), new Item("b", 1)], [a1.Item, b1.Item]);
        Assert.Equal(0, handler.WaitingCalls); // a:2 and b:2 wait for their keys

        b1.Succeed();
        var b2 = await handler.NextCallAsync();
        a1.Succeed();
        var a2 = await handler.NextCallAsync();
        b2.Succeed();
        a2.Succeed();
        var a3 = await handler.NextCallAsync();
        a3.Succeed();

        Assert.Equal([new Item("b", 2), new Item("a", 2), new Item("a", 3)], [b2.Item, a2.Item, a3.Item]);
        await observer.WaitForCountAsync(5);
        Assert.All(observer.Reports, r => Assert.Null(r.Error));
        Assert.Equal([1, 2, 3], ReportedSeqs(observer, "a"));
        Assert.Equal([1, 2], ReportedSeqs(observer, "b"));
        Assert.Equal(1, handler.MaxInFlightPerKey);
    }

    [Fact]
    public async Task Each_key_keeps_its_order_whatever_order_the_handlers_of_different_keys_finish_in()
    {
        const int keys = 6, perKey = 40, total = keys * perKey;
        var handler = new GatedHandler();
        var observer = new RecordingObserver();
        var dispatcher = Ordered(handler.Send);
        for (var seq = 1; seq <= perKey; seq++)
        {
            for (var key = 0; key < keys; key++)
                Deliver(dispatcher, observer, ($"k{key}", seq));
        }

        // Finish open calls in a random (seeded) order: the calls of different keys overtake one another freely.
        var random = new Random(13);
        var open = new List<HandlerCall>();
        var finished = new List<Item>();
        while (finished.Count < total)
        {
            while (handler.TryTakeCall(out var waiting))
                open.Add(waiting);
            if (open.Count == 0)
                open.Add(await handler.NextCallAsync());
            var pick = open[random.Next(open.Count)];
            open.Remove(pick);
            finished.Add((Item)pick.Item);
            pick.Succeed();
        }

        await observer.WaitForCountAsync(total);
        Assert.Equal(1, handler.MaxInFlightPerKey);
        Assert.Equal(0, handler.WaitingCalls);
        Assert.NotEqual(finished.OrderBy(i => i.Seq).ThenBy(i => i.Key, StringComparer.Ordinal), finished); // the order was scrambled
        foreach (var key in Enumerable.Range(0, keys).Select(k => $"k{k}"))
        {
            Assert.Equal(Enumerable.Range(1, perKey), finished.Where(i => i.Key == key).Select(i => i.Seq));
            Assert.Equal(Enumerable.Range(1, perKey), ReportedSeqs(observer, key));
        }

        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");
    }

    [Fact]
    public async Task A_slow_key_does_not_hold_up_other_keys()
    {
        var handler = new GatedHandler();
        var observer = new RecordingObserver();
        var dispatcher = Ordered(handler.Send);

        Deliver(dispatcher, observer, ("slow", 1));
        var slow = await handler.NextCallAsync();
        Deliver(dispatcher, observer, ("slow", 2));
        for (var seq = 1; seq <= 5; seq++)
            Deliver(dispatcher, observer, ($"fast-{seq % 2}", seq));
        for (var handled = 0; handled < 5; handled++)
        {
            var call = await handler.NextCallAsync();
            Assert.StartsWith("fast-", call.Key);
            call.Succeed();
        }

        await observer.WaitForCountAsync(5);
        Assert.All(observer.Reports, r => Assert.StartsWith("fast-", ((Item)r.State!).Key));
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 2, "only the slow key's two records are pending");
        Assert.Equal(0, handler.WaitingCalls); // slow:2 still waits for slow:1

        slow.Succeed();
        (await handler.NextCallAsync()).Succeed();
        await observer.WaitForCountAsync(7);
        Assert.Equal([1, 2], ReportedSeqs(observer, "slow"));
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");
    }

    [Fact]
    public async Task Callers_on_several_threads_never_get_two_records_of_one_key_in_flight()
    {
        const int threads = 4, perThread = 1_000;
        var handler = new RecordingHandler();
        var observer = new RecordingObserver();
        var dispatcher = Ordered(handler.Handle);

        // Each thread delivers its own sequence over five shared keys; handlers finish later, on pool threads.
        await Task.WhenAll(Enumerable.Range(0, threads).Select(thread => Task.Run(() =>
        {
            for (var seq = 0; seq < perThread; seq++)
                dispatcher.Deliver(Topic, $"k{seq % 5}", new Item($"k{seq % 5}", thread * perThread + seq), null, observer, null);
        })));

        await observer.WaitForCountAsync(threads * perThread);
        Assert.Equal(1, handler.MaxInFlightPerKey);
        Assert.Equal(threads * perThread, handler.Count);
        Assert.All(observer.Reports, r => Assert.Null(r.Error));
        foreach (var key in handler.Keys)
        {
            // Records one thread delivered for a key are handled in the order that thread delivered them.
            var handled = handler.HandledBy<Item>(key);
            foreach (var thread in handled.GroupBy(i => i.Seq / perThread))
                Assert.Equal(thread.Select(i => i.Seq).Order(), thread.Select(i => i.Seq));
        }

        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");
    }

    [Fact]
    public async Task Handlers_that_finish_at_once_drain_a_long_queue_in_order()
    {
        const int queued = 50_000;
        var gate = new GatedHandler();
        var handled = new List<int>();
        var observer = new RecordingObserver();
        // The first record waits at the gate; every later one is handled synchronously, on the thread that opens it.
        var dispatcher = Ordered((key, item) =>
        {
            if (((Item)item).Seq == 0)
                return gate.Send(key, item);
            handled.Add(((Item)item).Seq);
            return Task.CompletedTask;
        });

        for (var seq = 0; seq <= queued; seq++)
            Deliver(dispatcher, observer, ("k", seq));
        Assert.Equal(queued + 1, dispatcher.PendingMessages);
        (await gate.NextCallAsync()).Succeed();

        await observer.WaitForCountAsync(queued + 1);
        Assert.Equal(Enumerable.Range(1, queued), handled);
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");
    }

    [Fact]
    public async Task A_failed_record_reports_its_exception_and_the_next_record_of_its_key_still_runs()
    {
        var handler = new GatedHandler();
        var observer = new RecordingObserver();
        var refusedAtOnce = new ArgumentException("refused before any await");
        var dispatcher = Ordered((key, item) => ((Item)item).Seq == 2 ? throw refusedAtOnce : handler.Send(key, item));
        var failedLater = new InvalidOperationException("failed after an await");

        Deliver(dispatcher, observer, ("a", 1), ("a", 2), ("a", 3), ("a", 4));
        (await handler.NextCallAsync()).Fail(failedLater);
        (await handler.NextCallAsync()).Cancel();
        var last = await handler.NextCallAsync();
        Assert.Equal(new Item("a", 4), last.Item);
        last.Succeed();

        await observer.WaitForCountAsync(4);
        Assert.Equal([1, 2, 3, 4], ReportedSeqs(observer, "a"));
        var errors = observer.Reports.Select(r => r.Error).ToList();
        Assert.Same(failedLater, errors[0]);
        Assert.Same(refusedAtOnce, errors[1]);
        Assert.IsAssignableFrom<OperationCanceledException>(errors[2]);
        Assert.Null(errors[3]);
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");
    }

    [Fact]
    public async Task A_record_without_a_route_key_is_reported_handled_at_once_and_never_sent()
    {
        var handler = new GatedHandler();
        var observer = new RecordingObserver();
        var dispatcher = new OrderedRecordDispatcher(
            topic => topic == Topic, (_, key, item) => ((Item)item).Seq < 0 ? null : key, handler.Send);

        Deliver(dispatcher, observer, ("a", 1));
        var busy = await handler.NextCallAsync();
        Deliver(dispatcher, observer, ("a", -1)); // its key is busy, but it goes nowhere: it waits for nothing

        Assert.Equal(new DeliveryReport(new Item("a", -1), null), Assert.Single(observer.Reports));
        Assert.Equal(1, dispatcher.PendingMessages);
        Assert.Equal(0, handler.WaitingCalls);
        busy.Succeed();
        await observer.WaitForCountAsync(2);
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");
        Assert.Equal(0, handler.WaitingCalls);
    }

    [Fact]
    public async Task A_route_key_that_throws_reports_its_exception_and_sends_nothing()
    {
        var handler = new GatedHandler();
        var observer = new RecordingObserver();
        var unroutable = new FormatException("no cell for this pickup");
        var dispatcher = new OrderedRecordDispatcher(
            topic => topic == Topic, (_, key, item) => ((Item)item).Seq == 1 ? throw unroutable : key, handler.Send);

        Deliver(dispatcher, observer, ("a", 1));
        Assert.Same(unroutable, Assert.Single(observer.Reports).Error);
        Assert.Equal(0, dispatcher.PendingMessages);
        Assert.Equal(0, handler.WaitingCalls);

        Deliver(dispatcher, observer, ("a", 2));
        (await handler.NextCallAsync()).Succeed();
        await observer.WaitForCountAsync(2);
        Assert.Null(observer.Reports[1].Error);
    }

    [Fact]
    public async Task PendingMessages_counts_records_from_delivery_until_they_are_reported()
    {
        var handler = new GatedHandler();
        var observer = new RecordingObserver();
        var dispatcher = Ordered(handler.Send);

        Deliver(dispatcher, observer, ("a", 1), ("a", 2), ("b", 1));
        Assert.Equal(3, dispatcher.PendingMessages);
        // a:1 and b:1 leave from the thread pool in either order; finishing either leaves two records pending.
        var first = await handler.NextCallAsync();
        (await handler.NextCallAsync()).Succeed();
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 2, "one record is no longer pending");

        first.Succeed();
        (await handler.NextCallAsync()).Succeed(); // a:2
        await observer.WaitForCountAsync(3);
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");
    }

    [Fact]
    public async Task An_observer_that_throws_does_not_stall_the_records_queued_behind_its_key()
    {
        var handler = new GatedHandler();
        var observer = new ThrowingObserver(throwOnSeq: 1);
        var dispatcher = Ordered(handler.Send);

        dispatcher.Deliver(Topic, "a", new Item("a", 1), null, observer, new Item("a", 1));
        dispatcher.Deliver(Topic, "a", new Item("a", 2), null, observer, new Item("a", 2));
        (await handler.NextCallAsync()).Succeed(); // its report throws
        var next = await handler.NextCallAsync();
        Assert.Equal(new Item("a", 2), next.Item);
        next.Succeed();

        await Wait.UntilAsync(() => observer.Reported.Count == 2, "both records are reported");
        await Wait.UntilAsync(() => dispatcher.PendingMessages == 0, "no record is pending");

        // A handler that finishes at once: the observer's exception reaches the caller, and the key is free again.
        var synchronous = Ordered((_, _) => Task.CompletedTask);
        Assert.Throws<InvalidOperationException>(() => synchronous.Deliver(Topic, "b", new Item("b", 1), null, observer, new Item("b", 1)));
        synchronous.Deliver(Topic, "b", new Item("b", 2), null, observer, new Item("b", 2));
        Assert.Equal(new Item("b", 2), observer.Reported.Last());
        Assert.Equal(0, synchronous.PendingMessages);
    }

    [Fact]
    public async Task DeliverAsync_completes_when_the_record_was_handled_and_fails_with_the_handlers_exception()
    {
        var refused = new InvalidOperationException("refused");
        var dispatcher = Ordered(async (_, item) =>
        {
            await Task.Yield();
            if (((Item)item).Seq == 2)
                throw refused;
        });

        await Wait.ForAsync(dispatcher.DeliverAsync(Topic, "a", new Item("a", 1)), "the first record to be handled");
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Wait.ForAsync(dispatcher.DeliverAsync(Topic, "a", new Item("a", 2)), "the second record to fail"));
        Assert.Same(refused, failure);
    }

    private static OrderedRecordDispatcher Ordered(Func<string, object, Task> send) =>
        new(topic => topic == Topic, (_, key, _) => key, send);

    private static void Deliver(OrderedRecordDispatcher dispatcher, IRecordDeliveryObserver observer, params (string Key, int Seq)[] records)
    {
        foreach (var (key, seq) in records)
        {
            var item = new Item(key, seq);
            dispatcher.Deliver(Topic, key, item, null, observer, item);
        }
    }

    private static IEnumerable<int> ReportedSeqs(RecordingObserver observer, string key) =>
        observer.Reports.Select(r => (Item)r.State!).Where(i => i.Key == key).Select(i => i.Seq);

    /// <summary>Breaks the observer contract on one record, to show a key does not stay stuck behind it.</summary>
    private sealed class ThrowingObserver(int throwOnSeq) : IRecordDeliveryObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<Item> Reported { get; } = new();

        public void OnDelivered(object? state, Exception? error)
        {
            var item = (Item)state!;
            Reported.Enqueue(item);
            if (item.Seq == throwOnSeq)
                throw new InvalidOperationException("observer failed");
        }
    }
}
