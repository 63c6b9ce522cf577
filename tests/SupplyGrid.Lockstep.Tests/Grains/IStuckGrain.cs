namespace SupplyGrid.Lockstep.Tests.Grains;

/// <summary>Calls that do not finish until the test opens the <see cref="Gate"/>.</summary>
public interface IStuckGrain : IGrainWithStringKey
{
    Task Hang();

    [OneWay]
    Task HangOneWay();
}

public sealed class StuckGrain(Gate gate) : Grain, IStuckGrain
{
    public Task Hang() => gate.Pass();

    public Task HangOneWay() => gate.Pass();
}

/// <summary>Holds whoever passes it until the test opens it; tells the test when someone is waiting at it.</summary>
public sealed class Gate
{
    private TaskCompletionSource _entered = New();
    private TaskCompletionSource _opened = New();

    /// <summary>Completes once a call waits at the gate.</summary>
    public Task Entered => _entered.Task;

    public Task Pass()
    {
        _entered.TrySetResult();
        return _opened.Task;
    }

    /// <summary>Lets every waiting call through and closes the gate again behind them.</summary>
    public void Open()
    {
        _entered = New();
        Interlocked.Exchange(ref _opened, New()).TrySetResult();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
