using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Ingestion.Tests;

public sealed class RegistryCalibrationTests
{
    private static readonly DateTimeOffset Installed = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Removed = new(2025, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset During = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Site Fives = new("fives", "Fives", "Fives", 50.6308, 3.0908, null, LocalClimateZone.CompactLowRise, 3.5, null, IsReference: false);

    private static readonly RegistryCalibration Calibration = new(new SensorRegistry(
        [Fives],
        [
            new Device(
                "fives-01",
                Fives,
                Installed,
                Removed,
                [
                    new DeviceSensor(
                        "sht31",
                        [Quantities.AirTemperature, Quantities.RelativeHumidity],
                        new Dictionary<Quantity, Registry.Calibration> { [Quantities.AirTemperature] = new(1.02, -0.5) }),
                ]),
        ]));

    [Fact]
    public void Apply_RegisteredReadingWithACalibration_StoresRawTimesFactorPlusOffset()
    {
        var telemetry = Telemetry(Temperature("fives-01", During, 20));

        var reading = Assert.Single(Readings(Calibration.Apply(telemetry)));

        Assert.Equal((20 * 1.02) - 0.5, reading.Value, 12);
        Assert.Equal(QualityFlags.None, reading.Flags);
    }

    [Fact]
    public void Apply_RegisteredReadingsWithoutCorrection_ReturnsTheSameReadings()
    {
        var humidity = new Reading("fives-01", "sht31", Quantities.RelativeHumidity, During, 71.5, 3);
        var telemetry = Telemetry(humidity);

        Assert.Same(telemetry.Readings, Readings(Calibration.Apply(telemetry)));
        Assert.Same(telemetry, Calibration.Apply(telemetry));
    }

    [Theory]
    [InlineData("unknown-device", "sht31", "2025-06-01T12:00:00Z")]
    [InlineData("fives-01", "bme280", "2025-06-01T12:00:00Z")]
    [InlineData("fives-01", "sht31", "2025-02-28T23:59:59Z")]
    [InlineData("fives-01", "sht31", "2025-09-01T00:00:00Z")]
    public void Apply_ReadingTheRegistryDoesNotList_KeepsItsValueAndFlagsItUnregistered(string device, string sensor, string time)
    {
        var raw = new Reading(device, sensor, Quantities.AirTemperature, DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture), 20, 1);

        var reading = Assert.Single(Readings(Calibration.Apply(Telemetry(raw))));

        Assert.Equal(raw with { Flags = QualityFlags.Unregistered }, reading);
    }

    [Fact]
    public void Apply_MixedMessage_CalibratesAndFlagsEachReadingOnItsOwn()
    {
        var calibrated = Temperature("fives-01", During, 10);
        var unregistered = Temperature("fives-01", Removed.AddDays(1), 10);

        var readings = Readings(Calibration.Apply(Telemetry(calibrated, unregistered)));

        Assert.Equal([(10 * 1.02) - 0.5, 10], readings.Select(reading => reading.Value));
        Assert.Equal([QualityFlags.None, QualityFlags.Unregistered], readings.Select(reading => reading.Flags));
    }

    [Fact]
    public void Apply_RejectedMessage_PassesThrough()
    {
        var rejected = new RejectedMessage(Inbound(), "fives-01", RejectionKind.MalformedPayload, "not SenML");

        Assert.Same(rejected, Calibration.Apply(rejected));
    }

    private static Reading Temperature(string device, DateTimeOffset time, double value) =>
        new(device, "sht31", Quantities.AirTemperature, time, value, null);

    private static TelemetryMessage Telemetry(params Reading[] readings) => new(Inbound(), readings[0].DeviceId, readings);

    private static InboundMessage Inbound() =>
        new("urbansensing/v1/devices/fives-01/telemetry", Array.Empty<byte>(), null, During, _ => Task.CompletedTask);

    private static IReadOnlyList<Reading> Readings(DecodedMessage decoded) => Assert.IsType<TelemetryMessage>(decoded).Readings;
}
