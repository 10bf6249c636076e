using System.Buffers;
using System.Text;
using System.Text.Json;
using UrbanSensing.Protocol;

namespace UrbanSensing.Registry.Tests;

public sealed class DevicesJsonTests
{
    [Fact]
    public void Write_ThenParse_GivesTheSameDevices()
    {
        var registry = ValidRegistry.Parse();
        var written = Write(registry.Devices);

        var reread = ValidRegistry.Parse(devices: written);

        Assert.Equal(written, Write(reread.Devices));
        Assert.Equal(registry.Devices.Select(Summary), reread.Devices.Select(Summary));
        Assert.Equal(
            registry.Devices[0].Sensors[0].Calibrations[Quantities.AirTemperature],
            reread.Devices[0].Sensors[0].Calibrations[Quantities.AirTemperature]);
    }

    [Fact]
    public void Write_Instants_DatesForMidnightUtcAndFullInstantsOtherwise()
    {
        var registry = ValidRegistry.Parse();

        using var document = JsonDocument.Parse(Write(registry.Devices));

        var devices = document.RootElement.GetProperty("devices");
        Assert.Equal("2025-03-01", devices[0].GetProperty("installed").GetString());
        Assert.Equal("2025-09-15T14:30:00+02:00", devices[0].GetProperty("removed").GetString());
        Assert.Equal("2025-03-02T08:00:00+00:00", devices[1].GetProperty("installed").GetString());
        Assert.Equal(JsonValueKind.Null, devices[1].GetProperty("removed").ValueKind);
        Assert.False(devices[0].GetProperty("sensors")[1].TryGetProperty("calibration", out _));
    }

    private static (string, string, DateTimeOffset, TimeSpan, DateTimeOffset?, string) Summary(Device device) =>
        (device.Id, device.Site.Id, device.Installed, device.Installed.Offset, device.Removed,
         string.Join(";", device.Sensors.Select(sensor => $"{sensor.Name}:{string.Join(",", sensor.Quantities)}:{sensor.Calibrations.Count}")));

    private static string Write(IEnumerable<Device> devices)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            DevicesJson.Write(devices, writer);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
