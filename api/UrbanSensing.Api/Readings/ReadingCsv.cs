using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Api.Readings;

/// <summary>Readings and aggregated windows as CSV with a header row, streamed, each row with its device's place.</summary>
public static class ReadingCsv
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    private const string UtcTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    private const string ZonedTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static async Task WriteReadingsAsync(IAsyncEnumerable<Reading> readings, SensorRegistry registry, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(registry);
        var csv = new CsvWriter(output);
        await using (csv.ConfigureAwait(false))
        {
            await HeaderAsync(csv, ["device", "sensor", "quantity", "unit", "time", "value", "sequence", "flags", "site", "district", "lcz"], cancellationToken).ConfigureAwait(false);
            var places = new ChannelPlaces(registry);
            await foreach (var reading in readings.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var place = places.Of(reading.DeviceId);
                csv.Field(reading.DeviceId);
                csv.Field(reading.Sensor);
                csv.Field(reading.Quantity.Name);
                csv.Field(reading.Unit);
                csv.Field<DateTime>(reading.Timestamp.UtcDateTime, UtcTimeFormat);
                csv.Field<double>(reading.Value, "R");
                csv.Field(reading.Sequence);
                csv.Field(QualityFlagNames.Joined(reading.Flags));
                csv.Field(place.Site);
                csv.Field(place.District);
                csv.Field(place.Lcz);
                await csv.EndRowAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public static async Task WriteWindowsAsync(IAsyncEnumerable<AggregatedWindow> windows, IReadOnlyList<Aggregate> aggregates, SensorRegistry registry, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(registry);
        var csv = new CsvWriter(output);
        await using (csv.ConfigureAwait(false))
        {
            await HeaderAsync(csv, ["device", "sensor", "quantity", "unit", "start", "end", .. aggregates.Select(aggregate => aggregate.ToString()), "site", "district", "lcz"], cancellationToken).ConfigureAwait(false);
            var places = new ChannelPlaces(registry);
            await foreach (var window in windows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var place = places.Of(window.DeviceId);
                csv.Field(window.DeviceId);
                csv.Field(window.Sensor);
                csv.Field(window.Quantity.Name);
                csv.Field(window.Quantity.Unit);
                csv.Field<DateTimeOffset>(window.Start, ZonedTimeFormat);
                csv.Field<DateTimeOffset>(window.End, ZonedTimeFormat);
                foreach (var value in window.Values)
                {
                    csv.Field<double>(value, "R");
                }

                csv.Field(place.Site);
                csv.Field(place.District);
                csv.Field(place.Lcz);
                await csv.EndRowAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static Task HeaderAsync(CsvWriter csv, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        foreach (var name in names)
        {
            csv.Field(name);
        }

        return csv.EndRowAsync(cancellationToken);
    }
}
