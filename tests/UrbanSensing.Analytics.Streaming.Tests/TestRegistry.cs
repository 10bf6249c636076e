using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Analytics.Streaming.Tests;

/// <summary>A registry of one site, Lomme, with two devices measuring air temperature and humidity.</summary>
internal static class TestRegistry
{
    public const string SiteId = "lomme";
    public const string DeviceA = "lille-0009";
    public const string DeviceB = "lille-0020";

    public static SensorRegistry Lomme()
    {
        var site = new Site(SiteId, "Lomme", "Lomme", 50.6437, 2.9866, null, LocalClimateZone.OpenLowRise, 3.5, null, IsReference: false);
        var sht31 = new DeviceSensor("sht31", [Quantities.AirTemperature, Quantities.RelativeHumidity], new Dictionary<Quantity, Calibration>());
        var installed = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new SensorRegistry([site], [new Device(DeviceA, site, installed, null, [sht31]), new Device(DeviceB, site, installed, null, [sht31])]);
    }
}
