using System.Text.Json.Serialization;
using SupplyGrid.Grains.Messaging;

namespace SupplyGrid.Grains.Events;

/// <summary>
/// The one JSON shape of every topic record, reading and writing, generated at compile time (no reflection):
/// snake_case names; enums as snake_case strings (each enum carries <see cref="SnakeCaseEnumConverter{TEnum}"/>);
/// times as ISO-8601 UTC (<see cref="UtcTimestampConverter"/>). Reading rejects a missing required member, a null in a
/// non-nullable member and a repeated property; it ignores members it does not know, so producers may add fields.
/// Absent optional members are not written.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true,
    AllowDuplicateProperties = false,
    Converters = [typeof(UtcTimestampConverter)])]
[JsonSerializable(typeof(DriverEvent))]
[JsonSerializable(typeof(VehicleEvent))]
[JsonSerializable(typeof(BookingCreated))]
[JsonSerializable(typeof(DispatchJob))]
[JsonSerializable(typeof(UploadTrip))]
[JsonSerializable(typeof(DriverRealPerformance))]
[JsonSerializable(typeof(MessageReply))]
[JsonSerializable(typeof(MdtMessage))]
public sealed partial class SupplyGridJsonContext : JsonSerializerContext;
