using UrbanSensing.Analytics.Reports;
using UrbanSensing.Protocol;

namespace UrbanSensing.Bench.Analytics;

/// <summary>
/// The stored hourly means of a run, as a store or the API would answer: handed over once, so that after the analysis
/// has read them nothing keeps them alive, as in a service.
/// </summary>
internal sealed class MemoryReadings : IAnalysisReadings
{
    private Dictionary<string, IReadOnlyList<HourlyMean>>? _byDevice;

    /// <summary>Holds the answer to the next question.</summary>
    public void Load(Dictionary<string, IReadOnlyList<HourlyMean>> byDevice) => _byDevice = byDevice;

    /// <summary>Takes the loaded means out, for the staged timing that reads them without an <see cref="Analyses"/>.</summary>
    /// <exception cref="InvalidOperationException">Nothing is loaded.</exception>
    public Dictionary<string, IReadOnlyList<HourlyMean>> Take()
    {
        var byDevice = _byDevice ?? throw new InvalidOperationException("No hourly means are loaded; they are read once.");
        _byDevice = null;
        return byDevice;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>>> HourlyMeansByDeviceAsync(
        Quantity quantity,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        IReadOnlyCollection<string> sites,
        CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>>>(Take());

    public Task RawReadingsByDayAsync(
        Quantity quantity,
        IReadOnlyCollection<string> sites,
        IReadOnlyCollection<string> devices,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        Action<IReadOnlyList<RawReading>> onDay,
        CancellationToken cancellationToken) =>
        throw new NotSupportedException("The heat-island analysis reads hourly means only.");
}
