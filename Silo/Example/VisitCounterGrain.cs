using SupplyGrid.Runtime;

namespace SupplyGrid.Silo.Example;

public interface IVisitCounterGrain : IGrainWithStringKey
{
    Task<int> RecordVisit();
}

/// <summary>The example grain: counts visits per name and keeps the count in grain storage.</summary>
public sealed class VisitCounterGrain([PersistentState("visits")] IPersistentState<VisitCounterGrain.Visits> state) : Grain, IVisitCounterGrain
{
    public sealed class Visits
    {
        public int Count { get; set; }
    }

    public async Task<int> RecordVisit()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }
}
