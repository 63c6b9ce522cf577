using SupplyGrid.Api.Cities;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Validation;
using SupplyGrid.Geo;
using SupplyGrid.Grains;

namespace SupplyGrid.Api.Campaigns;

/// <summary>Turns a POST /api/campaigns body into a checked <see cref="CampaignDefinition"/>, or the field errors.</summary>
internal static class CampaignRequest
{
    public const decimal MaxBudget = 100_000_000m;

    /// <summary>
    /// Checks what only the API can (presence, types, the city and its cells), then the definition's own rules
    /// (<see cref="CampaignDefinition.Validate"/>), so the grain sees only definitions it accepts.
    /// </summary>
    /// <returns>The definition, or null with <paramref name="errors"/> filled. An unknown city is reported as such.</returns>
    public static async Task<(CampaignDefinition? Definition, bool UnknownCity)> BuildAsync(CreateCampaignBody body, CityCatalog cities, FieldErrors errors)
    {
        Check.OptionalId(errors, "id", body.Id);
        var cityOk = Check.CityId(errors, "city_id", body.CityId);
        Check.Required(errors, "kind", body.Kind);
        if (Check.Text(errors, "name", body.Name, CampaignDefinition.MaxNameLength) && body.Name.Contains('\n'))
            errors.Add("name", "name must be a single line.");
        Check.Amount(errors, "budget", body.Budget, MaxBudget);
        Check.Required(errors, "starts_at", body.StartsAt);
        if (body.PerDriverDailyCap is not null)
            Check.Amount(errors, "per_driver_daily_cap", body.PerDriverDailyCap, MaxBudget);
        CheckTerms(body, errors);
        if (cityOk && !cities.IsKnown(body.CityId!))
            return (null, true);
        var cells = cityOk ? await CellsAsync(body, cities, errors) : [];
        if (errors.Any)
            return (null, false);

        var definition = new CampaignDefinition
        {
            CityId = body.CityId!,
            Kind = body.Kind!.Value,
            Name = body.Name!.Trim(),
            Budget = body.Budget!.Value,
            StartsAt = body.StartsAt!.Value,
            EndsAt = body.EndsAt,
            TargetCells = cells,
            PerDriverDailyCap = body.PerDriverDailyCap,
            Quest = body.Quest is { } quest ? new QuestTerms(quest.RequiredTrips!.Value, quest.Reward!.Value) : null,
            Event = body.Event is { } terms
                ? new EventTerms(new LatLng(terms.Venue!.Lat!.Value, terms.Venue.Lng!.Value), terms.RadiusKm!.Value, terms.ExpectedDemand!.Value,
                    terms.PrepositionLead!.Value, terms.SurgeMultiplier!.Value)
                : null,
        };
        try
        {
            definition.Validate();
        }
        catch (ArgumentException e)
        {
            ArgumentErrors.AddTo(errors, e);
            return (null, false);
        }

        return (definition, false);
    }

    private static void CheckTerms(CreateCampaignBody body, FieldErrors errors)
    {
        var kind = body.Kind;
        if (body.Quest is { } quest)
        {
            if (kind is not null and not CampaignKind.Quest)
                errors.Add("quest", "quest terms are only for kind quest.");
            Check.Required(errors, "quest.required_trips", quest.RequiredTrips);
            Check.Required(errors, "quest.reward", quest.Reward);
        }
        else if (kind == CampaignKind.Quest)
        {
            errors.Add("quest", "quest is required for kind quest.");
        }

        if (body.Event is { } terms)
        {
            if (kind is not null and not CampaignKind.Event)
                errors.Add("event", "event terms are only for kind event.");
            if (Check.Required(errors, "event.venue", terms.Venue))
            {
                Check.Latitude(errors, "event.venue.lat", terms.Venue.Lat);
                Check.Longitude(errors, "event.venue.lng", terms.Venue.Lng);
            }

            Check.Required(errors, "event.radius_km", terms.RadiusKm);
            Check.Required(errors, "event.expected_demand", terms.ExpectedDemand);
            Check.Required(errors, "event.preposition_lead", terms.PrepositionLead);
            Check.Required(errors, "event.surge_multiplier", terms.SurgeMultiplier);
        }
        else if (kind == CampaignKind.Event)
        {
            errors.Add("event", "event is required for kind event.");
        }
    }

    /// <summary>The target cells in lowercase hex, each a cell of the campaign's city at its resolution.</summary>
    private static async Task<string[]> CellsAsync(CreateCampaignBody body, CityCatalog cities, FieldErrors errors)
    {
        if (body.TargetCells is not { Count: > 0 } given)
            return [];
        if (given.Count > CampaignDefinition.MaxTargetCells)
        {
            errors.Add("target_cells", $"target_cells may list at most {CampaignDefinition.MaxTargetCells} cells (was {given.Count}).");
            return [];
        }

        var city = await cities.GetAsync(body.CityId!);
        var cells = new string[given.Count];
        for (var i = 0; i < given.Count; i++)
        {
            var field = $"target_cells[{i}]";
            if (!Check.Cell(errors, field, given[i], out var cell))
                continue;
            cells[i] = cell.ToString();
            var resolution = H3.GetResolution(cell);
            var centre = H3.CellToLatLng(cell);
            if (resolution != city.Resolution)
                errors.Add(field, $"{field} {cell} is a resolution {resolution} cell; {city.Id} uses resolution {city.Resolution}.");
            else if (!CityCatalog.Contains(city, centre.Lat, centre.Lng))
                errors.Add(field, $"{field} {cell} is not in {city.Id}.");
        }

        return cells;
    }
}
