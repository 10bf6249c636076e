using System.Globalization;
using UrbanSensing.Cli.Export;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// Keeps the API's raw-reading CSV rows in memory: the rain and basin analyses need whole series of one quantity at a
/// few devices (a rain gauge read every 10 s gives about 260,000 readings a month).
/// </summary>
internal sealed class RawReadingSink : IRowSink
{
    private readonly List<RawReading> _readings = [];
    private int _device = -1;
    private int _sensor = -1;
    private int _time = -1;
    private int _value = -1;
    private int _flags = -1;

    public long Rows => _readings.Count;

    public IReadOnlyList<RawReading> Readings => _readings;

    public Task HeaderAsync(string header, CancellationToken cancellationToken)
    {
        var names = CsvFields.Split(header);
        _device = Array.IndexOf(names, "device");
        _sensor = Array.IndexOf(names, "sensor");
        _time = Array.IndexOf(names, "time");
        _value = Array.IndexOf(names, "value");
        _flags = Array.IndexOf(names, "flags");
        if (_device < 0 || _sensor < 0 || _time < 0 || _value < 0 || _flags < 0)
        {
            throw new InvalidDataException($"the service's CSV has no device, sensor, time, value and flags columns: {header}");
        }

        return Task.CompletedTask;
    }

    public Task RowAsync(string line, CancellationToken cancellationToken)
    {
        var fields = CsvFields.Split(line);
        if (fields.Length <= new[] { _device, _sensor, _time, _value, _flags }.Max()
            || !DateTimeOffset.TryParse(fields[_time], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            || !double.TryParse(fields[_value], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidDataException($"the service sent a row without a device, time and value: {line}");
        }

        _readings.Add(new RawReading(fields[_device], fields[_sensor], time, value, fields[_flags]));
        return Task.CompletedTask;
    }

    public Task EndSliceAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
