using Orleans;
using System.Text.Json.Serialization;

namespace SupplyGrid.Grains.Events;

/// <summary>What the driver pressed on the terminal in answer to an offer.</summary>
[JsonConverter(typeof(SnakeCaseEnumConverter<ReplyDecision>))]
[GenerateSerializer, Alias("supplygrid.ReplyDecision")]
public enum ReplyDecision
{
    Accept,
    Decline,
}
