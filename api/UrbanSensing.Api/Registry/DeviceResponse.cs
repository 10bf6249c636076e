using UrbanSensing.Registry;
using UrbanSensing.Storage;

namespace UrbanSensing.Api.Registry;

/// <summary>A device as the registry describes it and as the store has seen it.</summary>
/// <param name="Registered">Whether the registry lists it; readings of an unregistered device are flagged <c>unregistered</c>.</param>
/// <param name="Latitude">The registry site's, or else the one the device announced in its status.</param>
/// <param name="State">online or offline, from its last status message.</param>
/// <param name="LastSeen">Device time of its most recent stored reading.</param>
public sealed record DeviceResponse(
    string Id,
    bool Registered,
    string? Site,
    string? District,
    string? Lcz,
    double? Latitude,
    double? Longitude,
    DateTimeOffset? Installed,
    DateTimeOffset? Removed,
    IReadOnlyList<SensorResponse> Sensors,
    string? State,
    DateTime? LastSeen)
{
    public static DeviceResponse From(Device? device, DeviceSummary? summary)
    {
        var id = device?.Id ?? summary?.DeviceId ?? throw new ArgumentException("A device needs a registry entry or a summary.", nameof(device));
        return new(
            id,
            device is not null,
            device?.Site.Id ?? summary?.Site,
            device?.Site.District,
            device?.Site.LocalClimateZone.Code,
            device?.Site.Latitude ?? summary?.Latitude,
            device?.Site.Longitude ?? summary?.Longitude,
            device?.Installed,
            device?.Removed,
            device is null ? [] : [.. device.Sensors.Select(sensor => SensorResponse.From(device, sensor))],
            summary?.State?.ToString().ToLowerInvariant(),
            summary?.LastSeen?.UtcDateTime);
    }
}
