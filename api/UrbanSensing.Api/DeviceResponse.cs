using UrbanSensing.Storage;

namespace UrbanSensing.Api;

public sealed record DeviceResponse(string Id, string? Site, double? Latitude, double? Longitude, string? State, DateTime? LastSeen)
{
    public static DeviceResponse From(DeviceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(
            summary.DeviceId,
            summary.Site,
            summary.Latitude,
            summary.Longitude,
            summary.State?.ToString().ToLowerInvariant(),
            summary.LastSeen?.UtcDateTime);
    }
}
