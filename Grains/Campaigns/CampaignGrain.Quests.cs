using SupplyGrid.Grains.Ports;

namespace SupplyGrid.Grains.Campaigns;

/// <summary>Quests: N completed trips starting or ending in the target cells within the window earn the reward once.</summary>
public sealed partial class CampaignGrain
{
    public async Task RecordTrip(QuestTrip trip)
    {
        var definition = State.Definition;
        if (definition is not { Kind: CampaignKind.Quest, Quest: { } terms } || _cells is null || _city is null)
            return;
        if (trip.EndedAt < definition.StartsAt || trip.EndedAt >= definition.EndsAt || State.OperatorStatus is not null)
            return;
        if (!_cells.Contains(trip.PickupCell.Value) && !_cells.Contains(trip.DropoffCell.Value))
            return;

        var index = CampaignLedger.IndexOf(trip.DriverId);
        var partition = _ledger[index];
        if (!partition.Quests.TryGetValue(trip.DriverId, out var progress))
            partition.Quests[trip.DriverId] = progress = new QuestProgress();
        if (progress.Awarded || progress.TripIds.Contains(trip.TripId))
            return;
        progress.TripIds.Add(trip.TripId);

        var now = Now;
        var award = progress.TripIds.Count >= terms.RequiredTrips ? TryAward(partition, trip.DriverId, terms.Reward, trip.EndedAt, now) : null;
        partition.UpdatedAt = now;
        await SaveAsync(1 << index);
        if (award is { } paid)
        {
            _ = GrainFactory.GetGrain<IDriverGrain>(trip.DriverId).Award(paid);
            Changed(now, statusChanged: false);
        }
    }

    /// <summary>
    /// Pays the reward when the budget and the driver's cap for the day allow; otherwise the driver keeps the progress
    /// and the next qualifying trip tries again.
    /// </summary>
    private IncentiveAward? TryAward(LedgerPartition partition, string driverId, decimal reward, DateTimeOffset completedAt, DateTimeOffset now)
    {
        var day = _city!.LocalDay(completedAt);
        var cap = State.Definition!.PerDriverDailyCap ?? _city.Incentives.DailyCapPerDriver;
        if (reward > Remaining || DriverDay(driverId, day) + reward > cap)
            return null;
        partition.Quests[driverId].Awarded = true;
        partition.Spent += reward;
        partition.Awards++;
        AddToDriverDay(partition, driverId, day, reward);
        var awardId = $"{_id}:{driverId}";
        Record(LedgerMovement.Awarded, awardId, driverId, reward, now);
        return new IncentiveAward(awardId, _id, reward, State.Currency, $"{State.Definition.Name} completed", now);
    }
}
