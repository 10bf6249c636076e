using UrbanSensing.Protocol;

namespace UrbanSensing.Api.Readings;

/// <param name="Time">Device time, UTC, serialised as ISO 8601 with a 'Z'.</param>
/// <param name="Flags">The reading's quality flags by name (for example <c>unregistered</c>); empty when it has none.</param>
/// <param name="Lcz">The site's local climate zone code (Stewart and Oke).</param>
public sealed record ReadingResponse(
    string Device,
    string Sensor,
    string Quantity,
    string Unit,
    DateTime Time,
    double Value,
    long? Sequence,
    IReadOnlyList<string> Flags,
    string? Site,
    string? District,
    string? Lcz)
{
    public static ReadingResponse From(Reading reading, ChannelPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        return new(
            reading.DeviceId,
            reading.Sensor,
            reading.Quantity.Name,
            reading.Unit,
            reading.Timestamp.UtcDateTime,
            reading.Value,
            reading.Sequence,
            QualityFlagNames.Of(reading.Flags),
            place.Site,
            place.District,
            place.Lcz);
    }
}
