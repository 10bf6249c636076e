using UrbanSensing.Firmware;

namespace UrbanSensing.Simulator;

/// <summary>What a fleet run did: each device's report and the totals.</summary>
public sealed record FleetReport(IReadOnlyList<DeviceReport> Devices)
{
    public long ReadingsProduced => Devices.Sum(device => device.ReadingsProduced);

    public long ReadingsPublished => Devices.Sum(device => device.ReadingsPublished);

    public long MessagesPublished => Devices.Sum(device => device.MessagesPublished);

    public long MessagesDropped => Devices.Sum(device => device.MessagesDropped);

    public long SensorErrors => Devices.Sum(device => device.SensorErrors);
}
