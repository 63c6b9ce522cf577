using System.Text.Json;
using SupplyGrid.Api.Json;
using SupplyGrid.Api.Problems;
using SupplyGrid.Api.Validation;

namespace SupplyGrid.Api.Tests.Units;

public sealed class WireFormatTests
{
    [Theory]
    [InlineData("$.event.radius_km", "event.radius_km")]
    [InlineData("$.driver_ids[2]", "driver_ids[2]")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void Reader_paths_become_field_names(string? path, string field) => Assert.Equal(field, JsonBody.FieldOf(path));

    [Theory]
    [InlineData("{\"budget\": \"lots\"}", "budget", "budget has a value of the wrong type.")]
    [InlineData("{\"kind\": \"lottery\"}", "kind", "kind 'lottery' is not a known campaign kind; expected one of: reposition_pool, quest, event.")]
    [InlineData("{\"starts_at\": \"2026-11-23T10:00:00\"}", "starts_at", "starts_at '2026-11-23T10:00:00' has no UTC offset; write times as ISO-8601 UTC such as 2026-11-22T10:42:00Z.")]
    [InlineData("{\"event\": {\"preposition_lead\": \"an hour\"}}", "event.preposition_lead", "event.preposition_lead is not an ISO-8601 duration such as PT15M or PT1H30M.")]
    [InlineData("{\"quest\": {\"trips\": 3}}", "quest.trips", "trips is not a field of this request.")]
    public void Reader_errors_name_the_field_without_dotnet_type_names(string json, string field, string message)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, ApiJsonContext.Default.CreateCampaignBody));

        Assert.Equal((field, message), JsonBody.Describe(error));
    }

    [Fact]
    public void Durations_travel_as_ISO_8601()
    {
        var body = JsonSerializer.Deserialize("{\"event\": {\"preposition_lead\": \"PT1H30M\"}}", ApiJsonContext.Default.CreateCampaignBody)!;

        Assert.Equal(TimeSpan.FromMinutes(90), body.Event!.PrepositionLead);
        Assert.Equal("\"PT5S\"", JsonSerializer.Serialize(TimeSpan.FromSeconds(5), ApiJsonContext.Default.Options));
    }

    [Fact]
    public void A_window_defaults_to_the_hour_before_now()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var errors = new FieldErrors();

        var window = TimeWindow.Parse(errors, null, null, now, TimeSpan.FromHours(24));

        Assert.False(errors.Any);
        Assert.Equal((now.AddHours(-1), now), (window.From, window.To));
    }

    [Fact]
    public void A_window_time_in_another_offset_is_the_same_instant_in_UTC()
    {
        var now = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var errors = new FieldErrors();

        var window = TimeWindow.Parse(errors, "2026-11-23T16:30:00+08:00", null, now, TimeSpan.FromHours(24));

        Assert.False(errors.Any);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero), window.From);
        Assert.Equal(TimeSpan.Zero, window.From.Offset);
    }
}
