using System.Globalization;
using UrbanSensing.Analytics.Quality.CrowdQc;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>
/// CrowdQC+ over the air temperature of the registry's sites, one whole UTC month at a time, with the month's verdict
/// per site-hour written on every air-temperature reading of the site's devices in that hour.
/// </summary>
/// <remarks>
/// m3, m4 and o3 are statistics of the month: over part of one they are undefined (m4's correlation over one hour) or
/// biased, and would change as the month fills. So a month is judged once it is over and the single-series flags of
/// all its readings are settled, by the pass whose settled range reaches the month's end, and by any later pass whose
/// settled range touches it (a rerun, which gives the same flags).
/// </remarks>
internal sealed class NetworkChecks
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private readonly IReadingStore _store;
    private readonly SensorRegistry _registry;
    private readonly CrowdQcPlus _crowdQc;
    private readonly int _minimumStations;

    public NetworkChecks(IReadingStore store, SensorRegistry registry, CrowdQcPlusOptions options, int minimumStations)
    {
        _store = store;
        _registry = registry;
        _crowdQc = new CrowdQcPlus(options);
        _minimumStations = minimumStations;
    }

    /// <param name="settledFrom">Start of the air-temperature readings whose single-series flags the pass settled.</param>
    /// <param name="settledTo">End, excluded, of those readings: a month ending later is not over for this pass.</param>
    /// <param name="context">How far the single-series checks of air temperature look, to say which pass judges a month.</param>
    public async Task<IReadOnlyList<CrowdQcMonthSummary>> RunAsync(
        DateTimeOffset settledFrom, DateTimeOffset settledTo, TimeSpan context, CancellationToken cancellationToken)
    {
        var months = new List<CrowdQcMonthSummary>();
        var utc = settledFrom.UtcDateTime;
        for (var month = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero); month < settledTo; month = month.AddMonths(1))
        {
            var end = month.AddMonths(1);
            months.Add(end > settledTo
                ? Skipped(month, 0, string.Create(CultureInfo.InvariantCulture, $"the month is not over: the first pass whose range ends at {end + context:O} or later judges it"))
                : await JudgeAsync(month, end, cancellationToken).ConfigureAwait(false));
        }

        return months;
    }

    private async Task<CrowdQcMonthSummary> JudgeAsync(DateTimeOffset month, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var means = new SiteHourlyMeans(_registry, month, (int)((end - month).Ticks / TimeSpan.TicksPerHour));
        for (var day = month; day < end; day += Day)
        {
            await foreach (var reading in ReadAsync(day, cancellationToken).ConfigureAwait(false))
            {
                means.Add(reading);
            }
        }

        var stations = means.Stations();
        if (stations.Count < _minimumStations)
        {
            return Skipped(
                month,
                stations.Count,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{stations.Count} sites had usable air-temperature readings in the month; CrowdQC+ needs at least {_minimumStations}, a station and the {_minimumStations - 1} buddies m5 asks for"));
        }

        var results = _crowdQc.Run(month, stations);
        var verdicts = results.ToDictionary(result => result.StationId, StringComparer.Ordinal);
        var decisions = new FlagDecisions(QualityControlPass.CrowdQcFlags);
        for (var day = month; day < end; day += Day)
        {
            await foreach (var reading in ReadAsync(day, cancellationToken).ConfigureAwait(false))
            {
                if (_registry.TryGetDevice(reading.DeviceId, out var device))
                {
                    // A site without any usable value in the month was left out of the run: all its hours are missing.
                    // Reference sites count in the network's statistics but are not flagged by them: CrowdQC+ screens
                    // crowdsourced stations against the network, and a rural reference stands far below an urban
                    // network on exactly the calm, clear nights when the heat island it measures is strongest.
                    decisions.Decide(
                        reading,
                        !device.Site.IsReference && verdicts.TryGetValue(device.Site.Id, out var station) ? station.Hours[means.HourOf(reading.Timestamp)].Flags : QualityFlags.None);
                }
            }

            await decisions.WriteAsync(_store, cancellationToken).ConfigureAwait(false);
        }

        return new CrowdQcMonthSummary(
            month,
            stations.Count,
            [.. results.Where(result => result.IsIsolated).Select(result => result.StationId)],
            SkippedBecause: null,
            decisions.Checked,
            decisions.Flagged,
            decisions.Sent,
            decisions.Matched);
    }

    private IAsyncEnumerable<Reading> ReadAsync(DateTimeOffset day, CancellationToken cancellationToken) =>
        _store.QueryAsync(new ReadingQuery([], [Quantities.AirTemperature], day, day + Day), cancellationToken);

    private static CrowdQcMonthSummary Skipped(DateTimeOffset month, int stationsWithData, string reason)
    {
        var none = new FlagDecisions(QualityControlPass.CrowdQcFlags);
        return new CrowdQcMonthSummary(month, stationsWithData, [], reason, 0, none.Flagged, 0, 0);
    }
}
