using SupplyGrid.Grains.Ports;
using SupplyGrid.Grains.Policies;
using Orleans.Runtime;

namespace SupplyGrid.Grains.Campaigns;

/// <summary>Reserve, commit, release: exact and idempotent by offer id.</summary>
public sealed partial class CampaignGrain
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromMinutes(1);

    public async Task<ReservationResult> Reserve(ReservationRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.OfferId, "request.OfferId");
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DriverId, "request.DriverId");
        if (request.FixedAmount is { } fixedAmount && fixedAmount <= 0)
            throw new ArgumentOutOfRangeException("request.FixedAmount", fixedAmount, "request.FixedAmount must be greater than zero.");
        if (State.Definition is null || _city is null)
            return Refused(CampaignRefusal.UnknownCampaign);
        if (_ledger.FindOpen(request.OfferId, out var held) >= 0)
            return new ReservationResult(true, CampaignRefusal.None, _quotes.GetValueOrDefault(request.OfferId, AmountOnly(held!.Amount)));
        if (_settled.ContainsKey(request.OfferId))
            return Refused(CampaignRefusal.AlreadySettled);

        var now = Now;
        var changed = Sweep(now);
        var status = StatusAt(now);
        var refusal = status == CampaignStatus.Exhausted ? CampaignRefusal.BudgetExhausted
            : status != CampaignStatus.Active ? CampaignRefusal.NotActive
            : _cells is not null && !_cells.Contains(request.TargetCell.Value) ? CampaignRefusal.CellNotTargeted
            : CampaignRefusal.None;
        var quote = refusal == CampaignRefusal.None ? Price(request) : default;
        if (refusal == CampaignRefusal.None && !quote.HasOffer)
            refusal = quote.Limit == IncentiveLimit.DailyCapReached ? CampaignRefusal.DailyCapReached : CampaignRefusal.BudgetExhausted;
        if (refusal != CampaignRefusal.None)
        {
            await SaveAsync(changed);
            return Refused(refusal);
        }

        var index = CampaignLedger.IndexOf(request.DriverId);
        var partition = _ledger[index];
        partition.Open[request.OfferId] = new Reservation { DriverId = request.DriverId, Amount = quote.Amount, Day = request.Day, HoldUntilTicks = request.HoldUntil.UtcTicks };
        _quotes[request.OfferId] = quote;
        partition.Reserved += quote.Amount;
        AddToDriverDay(partition, request.DriverId, request.Day, quote.Amount);
        partition.Reservations++;
        partition.UpdatedAt = now;
        // The lapses this grant may have drawn on are stored before the grant itself.
        await SaveAsync(changed & ~(1 << index));
        await SaveAsync(1 << index);
        ArmSweep();
        Record(LedgerMovement.Reserved, request.OfferId, request.DriverId, quote.Amount, now);
        Changed(now, statusChanged: false);
        return new ReservationResult(true, CampaignRefusal.None, quote);
    }

    public Task<LedgerResult> Commit(string offerId, decimal paid, SettlementOutcome outcome)
    {
        if (paid < 0)
            throw new ArgumentOutOfRangeException(nameof(paid), paid, "paid must not be negative.");
        return SettleAsync(offerId, paid, outcome);
    }

    public Task<LedgerResult> Release(string offerId, string reason) => SettleAsync(offerId, 0m, outcome: null);

    private async Task<LedgerResult> SettleAsync(string offerId, decimal paid, SettlementOutcome? outcome)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(offerId);
        var index = _ledger.FindOpen(offerId, out var reservation);
        if (index < 0)
            return _settled.TryGetValue(offerId, out var settled) ? new LedgerResult(false, settled.Paid, 0m) : new LedgerResult(false, 0m, 0m);

        var now = Now;
        var result = Settle(index, offerId, reservation!, paid, outcome, now);
        await SaveAsync(Sweep(now) | 1 << index);
        Changed(now, statusChanged: false);
        return result;
    }

    /// <summary>Moves a reservation to settled: pays at most what was reserved, releases the rest.</summary>
    private LedgerResult Settle(int index, string offerId, Reservation reservation, decimal paid, SettlementOutcome? outcome, DateTimeOffset now)
    {
        var partition = _ledger[index];
        var amount = reservation.Amount;
        var pay = Math.Min(paid, amount);
        partition.Open.Remove(offerId);
        _quotes.Remove(offerId);
        partition.Reserved -= amount;
        partition.Spent += pay;
        AddToDriverDay(partition, reservation.DriverId, reservation.Day, pay - amount);
        _settled[offerId] = (pay, now);
        switch (outcome)
        {
            case SettlementOutcome.OnTime:
                partition.PaidOnTime++;
                break;
            case SettlementOutcome.Late:
                partition.PaidLate++;
                break;
            case SettlementOutcome.Failed:
                partition.Failed++;
                break;
            default:
                partition.Released++;
                break;
        }

        if (pay > 0)
            Record(LedgerMovement.Committed, offerId, reservation.DriverId, pay, now);

        if (amount - pay > 0)
            Record(LedgerMovement.Released, offerId, reservation.DriverId, amount - pay, now);
        partition.UpdatedAt = now;
        return new LedgerResult(true, pay, amount - pay);
    }

    /// <summary>
    /// The city's pricing with what this campaign has left, and the tighter of the city's daily cap and the
    /// campaign's own per-driver cap.
    /// </summary>
    private IncentiveQuote Price(ReservationRequest request)
    {
        var city = _city!;
        var cityCap = city.Incentives.DailyCapPerDriver;
        var campaignCap = State.Definition!.PerDriverDailyCap ?? cityCap;
        var allowance = Math.Min(cityCap - request.DriverIncentivesToday, campaignCap - DriverDay(request.DriverId, request.Day));
        // The pricer takes "already received today" against the city's cap; express the tighter allowance that way.
        var effectiveToday = Math.Max(0, cityCap - Math.Max(0, allowance));
        if (request.FixedAmount is { } fixedAmount)
        {
            var limit = fixedAmount > Remaining ? IncentiveLimit.BudgetExhausted
                : fixedAmount > allowance ? IncentiveLimit.DailyCapReached
                : IncentiveLimit.None;
            return new IncentiveQuote(limit == IncentiveLimit.None ? fixedAmount : 0m, State.Currency, fixedAmount, 0m, 0m, 0m, limit);
        }

        return city.Pricer.Quote(new IncentiveRequest(request.DistanceKm, request.TargetRatio, request.TierBonus, Math.Max(0, Remaining), effectiveToday));
    }

    /// <summary>
    /// Releases reservations nobody settled in time and forgets old settled ids and day totals; returns the partitions
    /// it changed as bits (partition i: 1 &lt;&lt; i).
    /// </summary>
    private int Sweep(DateTimeOffset now)
    {
        var changed = 0;
        // Only campaigns with day totals need the cut-off date: no string per movement for the others.
        string? oldest = null;
        for (var i = 0; i < CampaignLedger.PartitionCount; i++)
        {
            var partition = _ledger[i];
            foreach (var (offerId, reservation) in partition.Open)
            {
                if (reservation.HoldUntilTicks < now.UtcTicks)
                {
                    Settle(i, offerId, reservation, 0m, null, now);
                    changed |= 1 << i;
                }
            }

            if (partition.DriverDays.Count == 0)
                continue;
            oldest ??= DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var key in partition.DriverDays.Keys)
            {
                if (string.CompareOrdinal(key, key.LastIndexOf('|') + 1, oldest, 0, oldest.Length) < 0)
                {
                    partition.DriverDays.Remove(key);
                    changed |= 1 << i;
                }
            }
        }

        var forgetBefore = now - SettledRetention;
        foreach (var (offerId, settled) in _settled)
        {
            if (settled.At < forgetBefore)
                _settled.Remove(offerId);
        }

        return changed;
    }

    /// <summary>A timer releases lapsed reservations even when no call comes.</summary>
    private void ArmSweep()
    {
        _sweepTimer ??= this.RegisterGrainTimer(async _ =>
        {
            if (Sweep(Now) is var changed and not 0)
            {
                await SaveAsync(changed);
                Changed(Now, statusChanged: false);
            }

            if (_ledger.OpenCount == 0)
            {
                _sweepTimer?.Dispose();
                _sweepTimer = null;
            }
        }, new GrainTimerCreationOptions(SweepPeriod, SweepPeriod));
    }

    private decimal DriverDay(string driverId, DateOnly day) =>
        _ledger[CampaignLedger.IndexOf(driverId)].DriverDays.GetValueOrDefault(DayKey(driverId, day));

    private void AddToDriverDay(LedgerPartition partition, string driverId, DateOnly day, decimal amount)
    {
        // Without a cap of its own the campaign needs no per-driver totals: the driver grain holds the city's cap.
        if (State.Definition!.PerDriverDailyCap is null && State.Definition.Kind != CampaignKind.Quest)
            return;
        var key = DayKey(driverId, day);
        var total = partition.DriverDays.GetValueOrDefault(key) + amount;
        if (total <= 0)
            partition.DriverDays.Remove(key);
        else
            partition.DriverDays[key] = total;
    }

    private static string DayKey(string driverId, DateOnly day) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{driverId}|{day:yyyy-MM-dd}");

    /// <summary>What a repeated reservation gets after a reactivation: the amount held, without its components.</summary>
    private IncentiveQuote AmountOnly(decimal amount) => new(amount, State.Currency, amount, 0m, 0m, 0m, IncentiveLimit.None);

    private ReservationResult Refused(CampaignRefusal refusal) =>
        new(false, refusal, new IncentiveQuote(0m, State.Currency, 0m, 0m, 0m, 0m,
            refusal == CampaignRefusal.DailyCapReached ? IncentiveLimit.DailyCapReached : IncentiveLimit.BudgetExhausted));

    private void Record(LedgerMovement movement, string entryId, string driverId, decimal amount, DateTimeOffset at) =>
        _analytics.Ledger(new LedgerHistoryRow(_id, entryId, driverId, movement, amount, State.Currency, at));
}
