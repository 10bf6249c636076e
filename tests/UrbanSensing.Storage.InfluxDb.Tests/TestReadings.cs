using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb.Tests;

internal static class TestReadings
{
    /// <summary>2025-06-01T12:00:00.123456Z: 1748779200123456000 ns since the Unix epoch.</summary>
    public static readonly DateTimeOffset T0 = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);

    public const long T0Nanoseconds = 1_748_779_200_123_456_000;

    public static readonly TimeSpan Microsecond = TimeSpan.FromTicks(10);

    public static readonly ReadingQuery Everything = new([], [], DateTimeOffset.MinValue, DateTimeOffset.MaxValue);

    public static Reading Temperature(string deviceId, DateTimeOffset timestamp, double value, long? sequence = null) =>
        new(deviceId, "sht31", Quantities.AirTemperature, timestamp, value, sequence);
}
