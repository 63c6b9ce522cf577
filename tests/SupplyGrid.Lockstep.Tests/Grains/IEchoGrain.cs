namespace SupplyGrid.Lockstep.Tests.Grains;

public interface IEchoGrain : IGrainWithStringKey
{
    Task<DateTimeOffset> Echo(DateTimeOffset value);
}

public sealed class EchoGrain : Grain, IEchoGrain
{
    public async Task<DateTimeOffset> Echo(DateTimeOffset value)
    {
        await Task.Yield();
        return value;
    }
}
