using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Simulator.Tests;

/// <summary>Small registries built in code, with only what a test is about.</summary>
internal static class TestRegistry
{
    public static readonly DateTimeOffset Installed = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Site Site(string id, LocalClimateZone zone, bool isReference = false) =>
        new(id, id, "District", 50.63, 3.06, null, zone, 3.5, null, isReference);

    public static Device Device(string id, Site site, params DeviceSensor[] sensors) =>
        new(id, site, Installed, null, sensors);

    public static DeviceSensor Sensor(string name, params Quantity[] quantities) =>
        new(name, quantities, new Dictionary<Quantity, Calibration>());

    public static DeviceSensor Air() => Sensor("sht31", Quantities.AirTemperature, Quantities.RelativeHumidity);

    public static DeviceSensor RainGauge() => Sensor("rg", Quantities.RainGaugeTips, Quantities.RainfallDepth);
}
