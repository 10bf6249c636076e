using UrbanSensing.Analytics.Reports;
using UrbanSensing.Api.Readings;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Api.Analyses;

/// <summary>What the API's analyses read: the store's readings, the same selection <c>/api/v1/readings</c> would give.</summary>
internal sealed class StoreAnalysisReadings(IReadingStore store, SensorRegistry registry) : IAnalysisReadings
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>>> HourlyMeansByDeviceAsync(
        Quantity quantity,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        IReadOnlyCollection<string> sites,
        CancellationToken cancellationToken)
    {
        var byDevice = new Dictionary<string, List<HourlyMean>>(StringComparer.Ordinal);
        if (DevicesAt(sites) is { } devices)
        {
            var selection = new ReadingQuery(devices, [quantity], rangeStart, rangeEnd, ExcludeFlagged: true);
            var hourly = new AggregateQuery(selection, AggregationWindow.OneHour, [Aggregate.Mean], TimeZoneInfo.Utc);
            await foreach (var window in store.AggregateAsync(hourly, cancellationToken).ConfigureAwait(false))
            {
                if (!byDevice.TryGetValue(window.DeviceId, out var means))
                {
                    byDevice.Add(window.DeviceId, means = []);
                }

                means.Add(new HourlyMean(window.Start, window.Values[0]));
            }
        }

        return byDevice.ToDictionary(device => device.Key, device => (IReadOnlyList<HourlyMean>)device.Value, StringComparer.Ordinal);
    }

    public async Task RawReadingsByDayAsync(
        Quantity quantity,
        IReadOnlyCollection<string> sites,
        IReadOnlyCollection<string> devices,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        Action<IReadOnlyList<RawReading>> onDay,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onDay);
        IReadOnlyList<string>? selected = devices.Count > 0 ? [.. devices] : DevicesAt(sites);
        if (selected is null)
        {
            return;
        }

        var day = new List<RawReading>();
        for (var start = rangeStart; start < rangeEnd; start = UtcMidnightAfter(start))
        {
            var end = UtcMidnightAfter(start) < rangeEnd ? UtcMidnightAfter(start) : rangeEnd;
            day.Clear();
            // The store answers in device, sensor, quantity and time order: one quantity, so the order the analyses want.
            await foreach (var reading in store.QueryAsync(new ReadingQuery(selected, [quantity], start, end), cancellationToken).ConfigureAwait(false))
            {
                day.Add(new RawReading(reading.DeviceId, reading.Sensor, reading.Timestamp, reading.Value, QualityFlagNames.Joined(reading.Flags)));
            }

            onDay(day);
        }
    }

    private static DateTimeOffset UtcMidnightAfter(DateTimeOffset time) => new DateTimeOffset(time.UtcDateTime.Date, TimeSpan.Zero) + Day;

    /// <summary>The devices the registry places at the sites; every device (an empty list) when none is named; null when the sites hold no device.</summary>
    private List<string>? DevicesAt(IReadOnlyCollection<string> sites)
    {
        if (sites.Count == 0)
        {
            return [];
        }

        var devices = registry.Devices.Where(device => sites.Contains(device.Site.Id, StringComparer.Ordinal)).Select(device => device.Id).ToList();
        return devices.Count == 0 ? null : devices;
    }
}
