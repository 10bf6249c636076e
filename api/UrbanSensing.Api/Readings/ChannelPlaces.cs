using UrbanSensing.Registry;

namespace UrbanSensing.Api.Readings;

/// <summary>
/// The places of the devices an answer's rows come from. Rows come channel by channel, so the last device's place is
/// nearly always the one asked for: it is looked up once per device rather than once per row.
/// </summary>
internal sealed class ChannelPlaces(SensorRegistry registry)
{
    private string? _deviceId;
    private ChannelPlace? _place;

    public ChannelPlace Of(string deviceId)
    {
        if (!string.Equals(deviceId, _deviceId, StringComparison.Ordinal))
        {
            (_deviceId, _place) = (deviceId, ChannelPlace.Of(registry, deviceId));
        }

        return _place!;
    }
}
