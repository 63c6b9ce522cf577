using SupplyGrid.Geo;
using SupplyGrid.Grains.Configuration;
using Orleans.Runtime;

namespace SupplyGrid.Grains.Campaigns;

/// <summary>
/// Event campaigns: a durable reminder re-tells the area's cells, once a minute from the pre-positioning start to the
/// end, what the event adds (extra expected demand, the surge multiplier, the funding campaign). Re-telling keeps
/// cells that were collected and reactivated informed; cells drop the influence after its end.
/// </summary>
public sealed partial class CampaignGrain
{
    private const string EventReminder = "event";
    private static readonly TimeSpan EventPeriod = TimeSpan.FromMinutes(1);

    private async Task StartEventAsync(DateTimeOffset now)
    {
        PushEventInfluence(now);
        await this.RegisterOrUpdateReminder(EventReminder, EventPeriod, EventPeriod);
    }

    private async Task OnEventReminderAsync()
    {
        var definition = State.Definition;
        var now = Now;
        if (definition?.Event is null || definition.EndsAt is not { } end || now > end || State.OperatorStatus == CampaignStatus.Cancelled)
        {
            if (await this.GetReminder(EventReminder) is { } reminder)
                await this.UnregisterReminder(reminder);
            return;
        }

        PushEventInfluence(now);
    }

    /// <summary>Tells every cell of the area; a paused or cancelled event tells them it is over.</summary>
    private void PushEventInfluence(DateTimeOffset now)
    {
        var definition = State.Definition!;
        var terms = definition.Event!;
        var from = definition.StartsAt - terms.PrepositionLead;
        if (_cells is not { Count: > 0 } cells || now < from - EventPeriod)
            return;
        var active = State.OperatorStatus is null;
        var end = active ? definition.EndsAt!.Value : now;
        var influence = new EventInfluence(_id, terms.ExpectedDemand / cells.Count, terms.SurgeMultiplier, from, definition.StartsAt, end);
        foreach (var cell in cells)
            _ = GrainFactory.GetGrain<ICellGrain>(new H3Index(cell).ToString()).ApplyEvent(influence);
    }

    /// <summary>The city's cells whose centres lie within the event's radius of the venue.</summary>
    private static List<H3Index> EventArea(EventTerms terms, CityContext city)
    {
        var venueCell = H3.LatLngToCell(terms.Venue, city.Resolution);
        var spacing = H3.GreatCircleDistanceKm(H3.CellToLatLng(venueCell), H3.CellToLatLng(H3.GridDisk(venueCell, 1).First(c => c != venueCell)));
        var k = Math.Min((int)Math.Ceiling(terms.RadiusKm / (spacing * Math.Sqrt(3) / 2)) + 1, 60);
        var area = new List<H3Index>();
        foreach (var cell in H3.GridDisk(venueCell, k))
        {
            var centre = H3.CellToLatLng(cell);
            if ((H3.GreatCircleDistanceKm(terms.Venue, centre) <= terms.RadiusKm || cell == venueCell) && city.Contains(centre.Lat, centre.Lng))
                area.Add(cell);
        }

        return area;
    }
}
