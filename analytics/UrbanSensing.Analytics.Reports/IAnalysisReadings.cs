using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Reports;

/// <summary>
/// What the analyses read from a service's stored readings: through its HTTP API for <c>urbansensing analyze</c>, from
/// its store for the API's own <c>/api/v1/analyses</c>.
/// </summary>
public interface IAnalysisReadings
{
    /// <summary>
    /// Each device's hourly means of <paramref name="quantity"/> over [rangeStart, rangeEnd), keyed by device id, each stamped with
    /// the UTC instant its hour starts. Readings flagged by quality control are left out: spikes, steps, stuck or
    /// unregistered sensors would bias a heat island of a few kelvin or an index band as much as anything else.
    /// </summary>
    /// <param name="sites">Only these sites' devices, or every device when empty.</param>
    Task<IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>>> HourlyMeansByDeviceAsync(
        Quantity quantity,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        IReadOnlyCollection<string> sites,
        CancellationToken cancellationToken);

    /// <summary>
    /// The raw readings of <paramref name="quantity"/> over [rangeStart, rangeEnd), every flag included (the caller decides which
    /// it trusts), a UTC day at a time in time order, each day's sorted by device, sensor and time and handed to
    /// <paramref name="onDay"/>, which must not keep the list.
    /// </summary>
    /// <param name="sites">Only these sites' devices; with <paramref name="devices"/> also empty, every device.</param>
    /// <param name="devices">Only these devices.</param>
    Task RawReadingsByDayAsync(
        Quantity quantity,
        IReadOnlyCollection<string> sites,
        IReadOnlyCollection<string> devices,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        Action<IReadOnlyList<RawReading>> onDay,
        CancellationToken cancellationToken);
}
