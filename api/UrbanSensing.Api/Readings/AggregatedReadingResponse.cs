using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Api.Readings;

/// <param name="Start">The window's first instant, with the time zone's offset at that instant.</param>
/// <param name="End">The next window's first instant, with the time zone's offset at that instant.</param>
/// <param name="Values">Each aggregate asked for (<c>mean</c>, <c>p95</c>, ...) and its value in the quantity's unit.</param>
public sealed record AggregatedReadingResponse(
    string Device,
    string Sensor,
    string Quantity,
    string Unit,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, double> Values,
    string? Site,
    string? District,
    string? Lcz)
{
    public static AggregatedReadingResponse From(AggregatedWindow window, IReadOnlyList<Aggregate> aggregates, ChannelPlace place)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(place);
        var values = new Dictionary<string, double>(aggregates.Count, StringComparer.Ordinal);
        for (var index = 0; index < aggregates.Count; index++)
        {
            values[aggregates[index].ToString()] = window.Values[index];
        }

        return new(window.DeviceId, window.Sensor, window.Quantity.Name, window.Quantity.Unit, window.Start, window.End, values, place.Site, place.District, place.Lcz);
    }
}
