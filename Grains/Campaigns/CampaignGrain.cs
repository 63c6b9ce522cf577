using Orleans.Core;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using SupplyGrid.Grains.Ports;
using Orleans;
using Orleans.Runtime;

namespace SupplyGrid.Grains.Campaigns;

/// <summary>
/// One campaign and its ledger (CampaignGrain.Ledger.cs), quests (CampaignGrain.Quests.cs) and event area
/// (CampaignGrain.Events.cs). The definition and operator status are one state ("campaign"), the ledger
/// <see cref="CampaignLedger.PartitionCount"/> more (CampaignLedger.cs). Every change is written before the grain
/// answers; a failed write deactivates the grain so the next call starts again from what the store holds.
/// </summary>
public sealed partial class CampaignGrain : Grain, ICampaignGrain, IRemindable
{
    /// <summary>
    /// How long this activation remembers settled offers, to answer a repeated commit with what was paid. Not needed for
    /// exactness (a repeat finds no open reservation and does nothing), so it is not persisted.
    /// </summary>
    public static readonly TimeSpan SettledRetention = TimeSpan.FromHours(1);

    private readonly IPersistentState<CampaignState> _state;
    private readonly CampaignLedger _ledger;
    private readonly CityDirectory _cities;
    private readonly IAnalyticsSink _analytics;
    private readonly ILogger<CampaignGrain> _logger;
    private readonly TimeProvider _time;
    private readonly string _id;
    private readonly Dictionary<string, (decimal Paid, DateTimeOffset At)> _settled = new(StringComparer.Ordinal);

    /// <summary>The priced quotes of this activation's open reservations, to answer a repeated reservation in full.</summary>
    private readonly Dictionary<string, IncentiveQuote> _quotes = new(StringComparer.Ordinal);
    private CityContext? _city;
    private HashSet<ulong>? _cells;
    private IGrainTimer? _sweepTimer;

    public CampaignGrain(
        [PersistentState("campaign")] IPersistentState<CampaignState> state,
        IPersistentStateFactory stateFactory,
        CityDirectory cities,
        IAnalyticsSink analytics,
        [FromKeyedServices(TimeProviderNames.Grains)] TimeProvider time,
        ILogger<CampaignGrain> logger)
    {
        _time = time;
        _state = state;
        _ledger = new CampaignLedger(stateFactory, GrainContext);
        _cities = cities;
        _analytics = analytics;
        _logger = logger;
        _id = this.GetPrimaryKeyString();
    }

    private CampaignState State => _state.State;

    private DateTimeOffset Now => _time.GetUtcNow();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var pool = _cities.All.FirstOrDefault(c => c.PoolCampaignIds.Contains(_id));
        if (State.Definition is null && pool is not null)
        {
            // A city's configured pool exists without being created: configuration defines it, its ledger partitions hold
            // its movements, and this state is written only when an operator pauses, resumes or cancels it.
            var now = Now;
            State.Definition = new CampaignDefinition
            {
                CityId = pool.Id,
                Kind = CampaignKind.RepositionPool,
                Name = pool.PoolCampaignIds.Count == 1 ? $"{pool.Options.Name} reposition pool" : $"{pool.Options.Name} reposition pool ({_id})",
                Budget = pool.PoolShardBudget,
                StartsAt = DateTimeOffset.UnixEpoch,
            };
            State.Currency = pool.Currency;
            State.CreatedAt = now;
            State.UpdatedAt = now;
        }
        else if (State.Definition is { Kind: CampaignKind.RepositionPool } defined && pool is not null && defined.Budget != pool.PoolShardBudget)
        {
            // Configuration is the source of truth for a pool's budget; it may not drop below what is committed already.
            State.Definition = defined with { Budget = Math.Max(pool.PoolShardBudget, _ledger.Spent + _ledger.Reserved) };
        }

        if (State.Definition is not null)
            Bind(State.Definition);
        if (_ledger.OpenCount > 0)
            ArmSweep();
        return Task.CompletedTask;
    }

    public async Task<CampaignView> Create(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        definition.Validate();
        if (!_cities.TryGet(definition.CityId, out var city))
            throw new ArgumentException($"CityId '{definition.CityId}' is not a configured city.", nameof(definition.CityId));
        for (var i = 0; i < definition.TargetCells.Count; i++)
        {
            if (_cities.FindForCell(H3Index.Parse(definition.TargetCells[i])) != city)
                throw new ArgumentException($"TargetCells[{i}] is not a cell of {city.Id} at resolution {city.Resolution}.", $"TargetCells[{i}]");
        }

        if (State.Definition is { } existing)
        {
            if (Same(existing, definition))
                return View(Now);
            throw new InvalidOperationException($"Campaign '{_id}' already exists with a different definition.");
        }

        var now = Now;
        State.Definition = definition;
        State.Currency = city.Currency;
        State.CreatedAt = now;
        State.UpdatedAt = now;
        Bind(definition);
        await SaveAsync();
        if (definition.Kind == CampaignKind.Event)
            await StartEventAsync(now);
        return Changed(now, statusChanged: true);
    }

    public Task<CampaignView?> Get() => Task.FromResult(State.Definition is null ? null : View(Now));

    public Task<CampaignView> Pause() => SetOperatorStatusAsync(CampaignStatus.Paused);

    public Task<CampaignView> Resume() => SetOperatorStatusAsync(null);

    public Task<CampaignView> Cancel() => SetOperatorStatusAsync(CampaignStatus.Cancelled);

    public Task<CampaignMetrics> GetMetrics()
    {
        var definition = Require();
        var now = Now;
        return Task.FromResult(new CampaignMetrics(_id, StatusAt(now), definition.Budget, _ledger.Spent, _ledger.Reserved, Remaining,
            _ledger.Sum(p => p.Reservations), _ledger.Sum(p => p.PaidOnTime), _ledger.Sum(p => p.PaidLate),
            _ledger.Sum(p => p.Failed), _ledger.Sum(p => p.Released), _ledger.Sum(p => p.Awards)));
    }

    private decimal Remaining => (State.Definition?.Budget ?? 0) - _ledger.Spent - _ledger.Reserved;

    private async Task<CampaignView> SetOperatorStatusAsync(CampaignStatus? status)
    {
        Require();
        if (State.OperatorStatus == CampaignStatus.Cancelled)
            throw new InvalidOperationException($"Campaign '{_id}' is cancelled for good.");
        var now = Now;
        if (State.OperatorStatus == status)
            return View(now);
        State.OperatorStatus = status;
        State.UpdatedAt = now;
        await SaveAsync();
        if (State.Definition!.Kind == CampaignKind.Event)
            PushEventInfluence(now);
        return Changed(now, statusChanged: true);
    }

    /// <summary>The status now: an operator's pause or cancel, else the window and the budget.</summary>
    private CampaignStatus StatusAt(DateTimeOffset now)
    {
        var definition = State.Definition!;
        if (State.OperatorStatus is { } chosen)
            return chosen;
        // An event funds the moves that pre-position drivers, so it opens its lead time before the start.
        if (now < definition.StartsAt - (definition.Event?.PrepositionLead ?? TimeSpan.Zero))
            return CampaignStatus.Scheduled;
        if (definition.EndsAt is { } end && now >= end)
            return CampaignStatus.Ended;
        return Remaining < (_city?.Incentives.MinimumAmount ?? 0) ? CampaignStatus.Exhausted : CampaignStatus.Active;
    }

    private CampaignDefinition Require() =>
        State.Definition ?? throw new KeyNotFoundException($"No campaign '{_id}' was created.");

    private void Bind(CampaignDefinition definition)
    {
        _city = _cities.TryGet(definition.CityId, out var city) ? city : null;
        _cells = definition.TargetCells.Count == 0 ? null : definition.TargetCells.Select(c => H3Index.Parse(c).Value).ToHashSet();
        if (definition.Kind == CampaignKind.Event && _cells is null && _city is not null)
            _cells = EventArea(definition.Event!, _city).Select(c => c.Value).ToHashSet();
    }

    private CampaignView View(DateTimeOffset now)
    {
        decimal spent = _ledger.Spent, reserved = _ledger.Reserved;
        return new(_id, State.Definition!, StatusAt(now), State.Currency, spent, reserved, State.Definition!.Budget - spent - reserved,
            _ledger.OpenCount, State.CreatedAt, _ledger.LatestUpdate(State.UpdatedAt));
    }

    /// <summary>Tells the city (its campaign index and spend KPIs) and, on a status change, the analytics history.</summary>
    private CampaignView Changed(DateTimeOffset now, bool statusChanged)
    {
        var view = View(now);
        _ = GrainFactory.GetGrain<ICityGrain>(view.Definition.CityId).CampaignChanged(view.Summary());
        if (statusChanged)
            _analytics.Campaign(view);
        return view;
    }

    /// <summary>Writes the definition and operator status.</summary>
    private Task SaveAsync() => SaveAsync(_state);

    /// <summary>Writes the ledger partitions whose bits are set.</summary>
    private async Task SaveAsync(int partitions)
    {
        for (var i = 0; partitions != 0; i++, partitions >>= 1)
        {
            if ((partitions & 1) != 0)
                await SaveAsync(_ledger.Storage(i));
        }
    }

    private async Task SaveAsync(IStorage storage)
    {
        try
        {
            await storage.WriteStateAsync();
        }
        catch
        {
            // Memory may now differ from the store: start over from the store on the next call.
            DeactivateOnIdle();
            throw;
        }
    }

    private static bool Same(CampaignDefinition a, CampaignDefinition b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == EventReminder ? OnEventReminderAsync() : Task.CompletedTask;
}
