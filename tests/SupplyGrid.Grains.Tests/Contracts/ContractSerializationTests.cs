using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace SupplyGrid.Grains.Tests.Contracts;

/// <summary>
/// Every contract type survives Orleans' serializer and deep copier with every member intact, so a missing
/// [GenerateSerializer] or [Id] fails here rather than when a silo starts or a call crosses silos.
/// </summary>
public sealed class ContractSerializationTests
{
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(ContractTypes.Contracts))
        .BuildServiceProvider();

    public static TheoryData<string> Types => new(ContractTypes.ByName.Keys);

    [Theory]
    [MemberData(nameof(Types))]
    public void A_contract_type_round_trips_through_the_serializer(string type)
    {
        var value = SampleValues.Of(ContractTypes.ByName[type]);
        var serializer = Services.GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<object>(serializer.SerializeToArray<object?>(value));

        StructuralAssert.Equal(value, copy);
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void A_contract_type_is_deep_copied_whole(string type)
    {
        var value = SampleValues.Of(ContractTypes.ByName[type]);

        var copy = Services.GetRequiredService<DeepCopier>().Copy<object?>(value);

        StructuralAssert.Equal(value, copy);
    }

    [Fact]
    public void The_contracts_found_include_every_grain_interfaces_signature_and_what_it_holds()
    {
        var names = ContractTypes.ByName.Keys.ToHashSet();

        Assert.Equal(5, ContractTypes.GrainInterfaces().Count());
        Assert.Contains("IReadOnlyList<SupplyGrid.Grains.Hotspot>", names);
        Assert.Contains("SupplyGrid.Grains.CampaignDefinition", names);
        Assert.Contains("SupplyGrid.Grains.QuestTerms", names);
        Assert.Contains("SupplyGrid.Geo.H3Index", names);
        Assert.Contains("SupplyGrid.Grains.Events.DriverEvent", names);
    }
}
