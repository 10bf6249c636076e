using System.Text.Json;
using System.Text.Json.Serialization;

namespace UrbanSensing.Protocol;

/// <summary>
/// Retained message on a device's status topic: published as <c>online</c> on connect and registered
/// as the last will with <c>offline</c>, so the broker announces a device that vanished.
/// </summary>
public sealed record DeviceStatus(
    [property: JsonPropertyName("state")] DeviceState State,
    [property: JsonPropertyName("site")] string? Site,
    [property: JsonPropertyName("latitude")] double? Latitude,
    [property: JsonPropertyName("longitude")] double? Longitude,
    [property: JsonPropertyName("firmware")] string? Firmware)
{
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, DeviceStatusJsonContext.Default.DeviceStatus);

    /// <exception cref="JsonException">The payload is not a device status.</exception>
    public static DeviceStatus FromJson(ReadOnlySpan<byte> payload) =>
        JsonSerializer.Deserialize(payload, DeviceStatusJsonContext.Default.DeviceStatus)
        ?? throw new JsonException("the status payload is JSON null");
}
