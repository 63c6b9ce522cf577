using Microsoft.Extensions.Configuration;
using SupplyGrid.Grains.Policies;

namespace SupplyGrid.Grains.Tests.Policies;

public class PolicyOptionsTests
{
    private static readonly Dictionary<string, Action> BadOptions = new()
    {
        ["SmoothingOptions.RadiusKm"] = () => new SmoothingOptions { RadiusKm = 0 }.Validate(),
        ["SmoothingOptions.DecayKm"] = () => new SmoothingOptions { DecayKm = double.NaN }.Validate(),
        ["ImbalanceOptions.UndersuppliedBelow"] = () => new ImbalanceOptions { UndersuppliedBelow = 0.2 }.Validate(), // below critical
        ["ImbalanceOptions.OversuppliedAbove"] = () => new ImbalanceOptions { OversuppliedAbove = 0.4 }.Validate(),
        ["ImbalanceOptions.DemandEpsilon"] = () => new ImbalanceOptions { DemandEpsilon = 0 }.Validate(),
        ["SurgeOptions.Cap"] = () => new SurgeOptions { Cap = 0.9 }.Validate(),
        ["SurgeOptions.MaxStepFraction"] = () => new SurgeOptions { MaxStepFraction = 1.0 }.Validate(),
        ["SurgeOptions.Cooldown"] = () => new SurgeOptions { Cooldown = TimeSpan.FromSeconds(-1) }.Validate(),
        ["SurgeOptions.RushHours[1].End"] = () => new SurgeOptions { RushHours = [new() { Start = TimeSpan.FromHours(7), End = TimeSpan.FromHours(9) }, new() { Start = TimeSpan.FromHours(17), End = TimeSpan.FromHours(24) }] }.Validate(),
        ["SurgeOptions.RushHours[0].Multiplier"] = () => new SurgeOptions { RushHours = [new() { Start = TimeSpan.FromHours(7), End = TimeSpan.FromHours(9), Multiplier = 0 }] }.Validate(),
        ["TravelTimeOptions.DetourFactor"] = () => new TravelTimeOptions { DetourFactor = 0.9 }.Validate(),
        ["DriverTierOptions.GoldFromScore"] = () => new DriverTierOptions { GoldFromScore = 0.5 }.Validate(), // below silver
        ["DriverTierOptions.PlatinumBonus"] = () => new DriverTierOptions { PlatinumBonus = 0.9m }.Validate(), // below gold
        ["DriverTierOptions.RatingTop"] = () => new DriverTierOptions { RatingTop = 3.9 }.Validate(),
        ["AcceptanceOptions.Prior"] = () => new AcceptanceOptions { Prior = 1.0 }.Validate(),
        ["IncentiveOptions.Currency"] = () => new IncentiveOptions { Currency = "sgd" }.Validate(),
        ["IncentiveOptions.MaximumAmount"] = () => new IncentiveOptions { MaximumAmount = 4m }.Validate(),
        ["IncentiveOptions.MinimumAmount"] = () => new IncentiveOptions { MinimumAmount = 0m }.Validate(),
        ["IncentiveOptions.FailAfter"] = () => new IncentiveOptions { FailAfter = TimeSpan.FromMinutes(10) }.Validate(),
        ["IncentiveOptions.LatePayoutFraction"] = () => new IncentiveOptions { LatePayoutFraction = 1.5m }.Validate(),
        ["RepositionOptions.WidenedRadiusKm"] = () => new RepositionOptions { WidenedRadiusKm = 1.5 }.Validate(),
        ["RepositionOptions.MaxOffersPerPlan"] = () => new RepositionOptions { MaxOffersPerPlan = 0 }.Validate(),
        ["RepositionOptions.OfferBelowRatio"] = () => new RepositionOptions { OfferBelowRatio = 0 }.Validate(),
        ["DemandForecastOptions.SlotAlpha"] = () => new DemandForecastOptions { SlotAlpha = 0 }.Validate(),
        ["OdrdOptions.SupplyContextWeight"] = () => new OdrdOptions { EtaWeight = 0, AcceptanceWeight = 0, RatingWeight = 0, SupplyContextWeight = 0 }.Validate(),
        ["OdrdOptions.MaxCandidates"] = () => new OdrdOptions { MaxCandidates = 0 }.Validate(),
        ["ShiftAdviceOptions.MinimumConfidence"] = () => new ShiftAdviceOptions { MinimumConfidence = 2 }.Validate(),
    };

    public static TheoryData<string> BadOptionNames => [.. BadOptions.Keys];

    [Theory]
    [MemberData(nameof(BadOptionNames))]
    public void Validate_names_the_bad_field(string optionAndField)
    {
        var field = optionAndField[(optionAndField.IndexOf('.') + 1)..];

        var error = Assert.ThrowsAny<ArgumentException>(BadOptions[optionAndField]);

        Assert.Equal(field, error.ParamName);
    }

    [Fact]
    public void Defaults_are_valid_and_carry_the_domain_numbers()
    {
        new SmoothingOptions().Validate();
        new ImbalanceOptions().Validate();
        new SurgeOptions().Validate();
        new TravelTimeOptions().Validate();
        new DriverTierOptions().Validate();
        new AcceptanceOptions().Validate();
        new IncentiveOptions().Validate();
        new RepositionOptions().Validate();
        new DemandForecastOptions().Validate();
        new OdrdOptions().Validate();
        new ShiftAdviceOptions().Validate();

        Assert.Equal((2.0, 1.0, 1.0), (new SmoothingOptions().RadiusKm, new SmoothingOptions().DecayKm, new SmoothingOptions().CentreWeight));
        Assert.Equal((0.3, 0.5, 2.0), (new ImbalanceOptions().CriticalBelow, new ImbalanceOptions().UndersuppliedBelow, new ImbalanceOptions().OversuppliedAbove));
        Assert.Equal((3.0, 0.5), (new SurgeOptions().Cap, new SurgeOptions().MaxStepFraction));
        var incentives = new IncentiveOptions();
        Assert.Equal((8m, 2.5m, 1.0, 4m, 1.5m, 5m, 20m, 100m, 0.5m),
            (incentives.BaseAmount, incentives.AmountPerKm, incentives.FreeDistanceKm, incentives.MaxUrgencyAmount, incentives.MaxTierAmount,
             incentives.MinimumAmount, incentives.MaximumAmount, incentives.DailyCapPerDriver, incentives.LatePayoutFraction));
        Assert.Equal(TimeSpan.FromMinutes(15), incentives.ArrivalTimeLimit);
        Assert.Equal((2.0, 5.0), (new RepositionOptions().SearchRadiusKm, new RepositionOptions().WidenedRadiusKm));
        Assert.Equal(0.68, new AcceptanceOptions().Prior);
        Assert.Equal(1.5m, new DriverTierOptions().PlatinumBonus);
        Assert.Equal(200, new OdrdOptions().MaxCandidates);
    }

    [Fact]
    public void Policies_refuse_invalid_options_at_construction()
    {
        var imbalance = new ImbalanceClassifier(new ImbalanceOptions());
        Assert.ThrowsAny<ArgumentException>(() => new SurgePolicy(new SurgeOptions { Cap = 0 }, TimeZoneInfo.Utc));
        Assert.ThrowsAny<ArgumentException>(() => new IncentivePricer(new IncentiveOptions { MinimumAmount = -1m }, imbalance));
        Assert.ThrowsAny<ArgumentException>(() => new OdrdRanker(new OdrdOptions { EtaScaleMinutes = 0 }, imbalance, new TravelTimeEstimator(new TravelTimeOptions())));
    }

    [Fact]
    public void Options_bind_from_configuration_per_city()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cities:kuala-lumpur:Policies:Surge:Cap"] = "2.5",
            ["Cities:kuala-lumpur:Policies:Surge:Cooldown"] = "00:02:00",
            ["Cities:kuala-lumpur:Policies:Surge:RushHours:0:Start"] = "07:00:00",
            ["Cities:kuala-lumpur:Policies:Surge:RushHours:0:End"] = "09:30:00",
            ["Cities:kuala-lumpur:Policies:Surge:RushHours:0:Days:0"] = "Monday",
            ["Cities:kuala-lumpur:Policies:Surge:RushHours:0:Days:1"] = "Friday",
            ["Cities:kuala-lumpur:Policies:Surge:RushHours:0:Multiplier"] = "1.2",
            ["Cities:kuala-lumpur:Policies:Incentives:Currency"] = "MYR",
            ["Cities:kuala-lumpur:Policies:Incentives:DailyCapPerDriver"] = "80.50",
            ["Cities:kuala-lumpur:Policies:Incentives:ArrivalTimeLimit"] = "00:20:00",
        }).Build();
        var city = configuration.GetSection("Cities:kuala-lumpur");

        var surge = city.GetSection(SurgeOptions.SectionName).Get<SurgeOptions>()!;
        var incentives = city.GetSection(IncentiveOptions.SectionName).Get<IncentiveOptions>()!;

        surge.Validate();
        incentives.Validate();
        Assert.Equal(2.5, surge.Cap);
        Assert.Equal(TimeSpan.FromMinutes(2), surge.Cooldown);
        Assert.Equal(0.5, surge.MaxStepFraction); // unset: the default
        var window = Assert.Single(surge.RushHours);
        Assert.Equal((TimeSpan.FromHours(7), TimeSpan.FromHours(9.5), 1.2), (window.Start, window.End, window.Multiplier));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Friday], window.Days);
        Assert.Equal(("MYR", 80.50m, TimeSpan.FromMinutes(20), 8m), (incentives.Currency, incentives.DailyCapPerDriver, incentives.ArrivalTimeLimit, incentives.BaseAmount));
    }
}
