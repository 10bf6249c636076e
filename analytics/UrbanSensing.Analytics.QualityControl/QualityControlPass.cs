using System.ComponentModel.DataAnnotations;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;

namespace UrbanSensing.Analytics.QualityControl;

/// <summary>
/// Quality control of stored readings, before any indicator: reads a time range from the store, runs the checks and
/// writes their flags back beside the readings with <see cref="IReadingStore.SetQualityFlagsAsync"/>. Flags, never
/// deletion. README.md gives the rules, the defaults and how a host runs it.
/// </summary>
/// <remarks>
/// Two parts, each owning its flags. The single-series checks (step, spike, persistence) run per channel for the
/// quantities configured; a pass over [from, to) decides the readings of [from − C, to − C), C being the quantity's
/// context, so that passes over adjacent ranges decide every reading once, with the readings on both sides of it.
/// Then CrowdQC+ judges the network's air temperature per whole UTC month, once the month is over.
/// </remarks>
public sealed class QualityControlPass
{
    /// <summary>The flags the single-series checks own: set or cleared on the readings they decide.</summary>
    public const QualityFlags SeriesFlags = QualityFlags.Step | QualityFlags.Spike | QualityFlags.Persistence;

    /// <summary>
    /// The flags CrowdQC+ owns. <see cref="QualityFlags.Missing"/> is not among them: a station-hour is missing because
    /// it has no usable reading, so there is nothing to write it on.
    /// </summary>
    public const QualityFlags CrowdQcFlags =
        QualityFlags.CrowdQcM1 | QualityFlags.CrowdQcM2 | QualityFlags.CrowdQcM3 | QualityFlags.CrowdQcM4 | QualityFlags.CrowdQcM5
        | QualityFlags.CrowdQcInterpolated | QualityFlags.CrowdQcO2 | QualityFlags.CrowdQcO3;

    /// <summary>Readings with any of these flags are left out of a site's hourly air temperature for CrowdQC+.</summary>
    public const QualityFlags ExcludedFromStationMeans = SeriesFlags | QualityFlags.OutOfRange | QualityFlags.ClockNotSynchronised;

    private readonly IReadOnlyList<SeriesChecks> _series;
    private readonly NetworkChecks _network;
    private readonly TimeSpan _airTemperatureContext;

    /// <exception cref="ValidationException">An option is invalid; the message names its configuration key.</exception>
    public QualityControlPass(IReadingStore store, SensorRegistry registry, QualityControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);

        _series = [.. Quantities.All
            .Where(quantity => options.Series.ContainsKey(quantity.Name))
            .Select(quantity => new SeriesChecks(store, quantity, options.Series[quantity.Name]))];
        _airTemperatureContext = options.Series.TryGetValue(Quantities.AirTemperature.Name, out var airTemperature)
            ? airTemperature.Context
            : TimeSpan.Zero;
        MinimumStations = options.CrowdQcPlus.M5MinBuddies + 1;
        _network = new NetworkChecks(store, registry, options.CrowdQcPlus, MinimumStations);
    }

    /// <summary>
    /// The fewest sites with air-temperature data that CrowdQC+ runs on: a station and the buddies m5 asks for
    /// (6 by default). With fewer, no station can have its buddies, and a month is skipped.
    /// </summary>
    public int MinimumStations { get; }

    /// <summary>
    /// Runs both parts over the readings of [<paramref name="from"/>, <paramref name="to"/>): first the single-series
    /// checks of every configured quantity, then CrowdQC+ over every month they have settled the end of.
    /// </summary>
    /// <param name="from">Start of the range; the pass also reads up to twice the longest context before it.</param>
    /// <param name="to">End of the range, excluded; the pass reads nothing at or after it.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is not after <paramref name="from"/>.</exception>
    public async Task<QualityControlSummary> RunAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        if (to <= from)
        {
            throw new ArgumentException($"The range must end after it starts; it runs from {from:O} to {to:O}.", nameof(to));
        }

        var series = new List<SeriesCheckSummary>(_series.Count);
        foreach (var checks in _series)
        {
            series.Add(await checks.RunAsync(from, to, cancellationToken).ConfigureAwait(false));
        }

        var crowdQc = await _network
            .RunAsync(from - _airTemperatureContext, to - _airTemperatureContext, _airTemperatureContext, cancellationToken)
            .ConfigureAwait(false);
        return new QualityControlSummary(from, to, series, crowdQc);
    }
}
