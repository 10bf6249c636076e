namespace UrbanSensing.Firmware;

/// <summary>What one run of a <see cref="DeviceLoop"/> did.</summary>
/// <param name="ReadingsProduced">Readings stamped and given a sequence number.</param>
/// <param name="ReadingsPublished">Readings in messages the broker acknowledged.</param>
/// <param name="MessagesPublished">Messages the broker acknowledged.</param>
/// <param name="MessagesDropped">Messages dropped, oldest first, because the outbox was full.</param>
/// <param name="SensorErrors">Sensor reads that failed and were skipped.</param>
public sealed record DeviceReport(
    string DeviceId,
    long ReadingsProduced,
    long ReadingsPublished,
    long MessagesPublished,
    long MessagesDropped,
    long SensorErrors);
