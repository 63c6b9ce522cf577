using SupplyGrid.Grains.Ports;
using SupplyGrid.Grains.Policies;
using SupplyGrid.Runtime.Timers;

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
        var s = State;
        if (s.Definition is null || _city is null)
            return Refused(CampaignRefusal.UnknownCampaign);
        if (s.Open.TryGetValue(request.OfferId, out var held))
            return new ReservationResult(true, CampaignRefusal.None, _quotes.GetValueOrDefault(request.OfferId, AmountOnly(held.Amount)));
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
            if (changed)
                await SaveAsync();
            return Refused(refusal);
        }

        s.Open[request.OfferId] = new Reservation { DriverId = request.DriverId, Amount = quote.Amount, Day = request.Day, HoldUntilTicks = request.HoldUntil.UtcTicks };
        _quotes[request.OfferId] = quote;
        s.Reserved += quote.Amount;
        AddToDriverDay(request.DriverId, request.Day, quote.Amount);
        s.Reservations++;
        s.UpdatedAt = now;
        await SaveAsync();
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
        var s = State;
        if (!s.Open.TryGetValue(offerId, out var reservation))
            return _settled.TryGetValue(offerId, out var settled) ? new LedgerResult(false, settled.Paid, 0m) : new LedgerResult(false, 0m, 0m);

        var now = Now;
        var result = Settle(offerId, reservation, paid, outcome, now);
        Sweep(now);
        await SaveAsync();
        Changed(now, statusChanged: false);
        return result;
    }

    /// <summary>Moves a reservation to settled: pays at most what was reserved, releases the rest.</summary>
    private LedgerResult Settle(string offerId, Reservation reservation, decimal paid, SettlementOutcome? outcome, DateTimeOffset now)
    {
        var s = State;
        var amount = reservation.Amount;
        var pay = Math.Min(paid, amount);
        s.Open.Remove(offerId);
        _quotes.Remove(offerId);
        s.Reserved -= amount;
        s.Spent += pay;
        AddToDriverDay(reservation.DriverId, reservation.Day, pay - amount);
        _settled[offerId] = (pay, now);
        switch (outcome)
        {
            case SettlementOutcome.OnTime:
                s.PaidOnTime++;
                break;
            case SettlementOutcome.Late:
                s.PaidLate++;
                break;
            case SettlementOutcome.Failed:
                s.Failed++;
                break;
            default:
                s.Released++;
                break;
        }

        if (pay > 0)
            Record(LedgerMovement.Committed, offerId, reservation.DriverId, pay, now);

        if (amount - pay > 0)
            Record(LedgerMovement.Released, offerId, reservation.DriverId, amount - pay, now);
        s.UpdatedAt = now;
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

    /// <summary>Releases reservations nobody settled in time and forgets old settled ids; true when anything changed.</summary>
    private bool Sweep(DateTimeOffset now)
    {
        var s = State;
        var changed = false;
        foreach (var (offerId, reservation) in s.Open)
        {
            if (reservation.HoldUntilTicks < now.UtcTicks)
            {
                Settle(offerId, reservation, 0m, null, now);
                changed = true;
            }
        }

        var forgetBefore = now - SettledRetention;
        foreach (var (offerId, settled) in _settled)
        {
            if (settled.At < forgetBefore)
                _settled.Remove(offerId);
        }

        if (s.DriverDays.Count > 0)
        {
            var oldest = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-2)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            foreach (var key in s.DriverDays.Keys)
            {
                if (string.CompareOrdinal(key, key.LastIndexOf('|') + 1, oldest, 0, oldest.Length) < 0)
                {
                    s.DriverDays.Remove(key);
                    changed = true;
                }
            }
        }

        return changed;
    }

    /// <summary>A timer releases lapsed reservations even when no call comes.</summary>
    private void ArmSweep()
    {
        _sweepTimer ??= RegisterGrainTimer(async _ =>
        {
            if (Sweep(Now))
            {
                await SaveAsync();
                Changed(Now, statusChanged: false);
            }

            if (State.Open.Count == 0)
            {
                _sweepTimer?.Dispose();
                _sweepTimer = null;
            }
        }, new GrainTimerCreationOptions(SweepPeriod, SweepPeriod));
    }

    private decimal DriverDay(string driverId, DateOnly day) => State.DriverDays.GetValueOrDefault(DayKey(driverId, day));

    private void AddToDriverDay(string driverId, DateOnly day, decimal amount)
    {
        // Without a cap of its own the campaign needs no per-driver totals: the driver grain holds the city's cap.
        if (State.Definition!.PerDriverDailyCap is null && State.Definition.Kind != CampaignKind.Quest)
            return;
        var key = DayKey(driverId, day);
        var total = State.DriverDays.GetValueOrDefault(key) + amount;
        if (total <= 0)
            State.DriverDays.Remove(key);
        else
            State.DriverDays[key] = total;
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
