using UrbanSensing.Registry;

namespace UrbanSensing.Api.Registry;

/// <summary>A sensor part of a device, the quantities it measures and the calibration ingestion applies to each.</summary>
public sealed record SensorResponse(string Name, IReadOnlyList<ChannelResponse> Channels)
{
    public static SensorResponse From(Device device, DeviceSensor sensor)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(sensor);
        return new(sensor.Name, [.. sensor.Quantities.Select(quantity => ChannelResponse.From(device, sensor, quantity))]);
    }
}
