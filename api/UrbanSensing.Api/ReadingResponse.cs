using UrbanSensing.Protocol;

namespace UrbanSensing.Api;

/// <param name="Time">Device time, UTC, serialised as ISO 8601 with a 'Z'.</param>
public sealed record ReadingResponse(string Device, string Sensor, string Quantity, string Unit, DateTime Time, double Value, long? Sequence)
{
    public static ReadingResponse From(Reading reading) =>
        new(reading.DeviceId, reading.Sensor, reading.Quantity.Name, reading.Unit, reading.Timestamp.UtcDateTime, reading.Value, reading.Sequence);
}
