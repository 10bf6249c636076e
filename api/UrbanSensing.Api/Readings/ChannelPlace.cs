using UrbanSensing.Registry;

namespace UrbanSensing.Api.Readings;

/// <summary>Where a device stands according to the registry, written beside each of its values; all null for a device the registry does not list.</summary>
public sealed record ChannelPlace(string? Site, string? District, string? Lcz)
{
    private static readonly ChannelPlace Unknown = new(null, null, null);

    public static ChannelPlace Of(SensorRegistry registry, string deviceId)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.TryGetDevice(deviceId, out var device)
            ? new ChannelPlace(device.Site.Id, device.Site.District, device.Site.LocalClimateZone.Code)
            : Unknown;
    }
}
