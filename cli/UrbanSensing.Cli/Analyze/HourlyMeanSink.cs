using System.Globalization;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Cli.Export;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// Keeps the API's hourly-mean CSV rows in memory, by device: the analyses need whole series, and a month of hourly
/// means for a hundred devices is about 72,000 values.
/// </summary>
internal sealed class HourlyMeanSink : IRowSink
{
    private readonly Dictionary<string, List<HourlyMean>> _byDevice = new(StringComparer.Ordinal);
    private int _device = -1;
    private int _start = -1;
    private int _mean = -1;

    public long Rows { get; private set; }

    public IReadOnlyDictionary<string, List<HourlyMean>> ByDevice => _byDevice;

    public Task HeaderAsync(string header, CancellationToken cancellationToken)
    {
        var names = CsvFields.Split(header);
        _device = Array.IndexOf(names, "device");
        _start = Array.IndexOf(names, "start");
        _mean = Array.IndexOf(names, "mean");
        if (_device < 0 || _start < 0 || _mean < 0)
        {
            throw new InvalidDataException($"the service's CSV has no device, start and mean columns: {header}");
        }

        return Task.CompletedTask;
    }

    public Task RowAsync(string line, CancellationToken cancellationToken)
    {
        var fields = CsvFields.Split(line);
        if (fields.Length <= Math.Max(_device, Math.Max(_start, _mean))
            || !DateTimeOffset.TryParse(fields[_start], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !double.TryParse(fields[_mean], NumberStyles.Float, CultureInfo.InvariantCulture, out var mean))
        {
            throw new InvalidDataException($"the service sent a row without a device, start time and mean: {line}");
        }

        if (!_byDevice.TryGetValue(fields[_device], out var readings))
        {
            readings = [];
            _byDevice.Add(fields[_device], readings);
        }

        readings.Add(new HourlyMean(start, mean));
        Rows++;
        return Task.CompletedTask;
    }

    public Task EndSliceAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
