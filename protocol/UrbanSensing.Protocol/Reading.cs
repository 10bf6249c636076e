namespace UrbanSensing.Protocol;

/// <summary>One measurement of one sensor channel of one device, timed by the device clock.</summary>
/// <param name="DeviceId">The device that measured it.</param>
/// <param name="Sensor">The sensor part on the device (for example <c>sht31</c>); with the quantity it names one channel.</param>
/// <param name="Quantity">What was measured; its unit is the unit of <paramref name="Value"/>.</param>
/// <param name="Timestamp">Device time of the measurement, UTC, microsecond resolution.</param>
/// <param name="Value">The measured value in the quantity's unit.</param>
/// <param name="Sequence">Per-device sequence number, when the device sends one; gaps reveal lost readings.</param>
/// <param name="Flags">Quality-control flags set by ingestion and analytics; devices do not send them.</param>
public readonly record struct Reading(
    string DeviceId,
    string Sensor,
    Quantity Quantity,
    DateTimeOffset Timestamp,
    double Value,
    long? Sequence,
    QualityFlags Flags = QualityFlags.None)
{
    public string Unit => Quantity.Unit;
}
