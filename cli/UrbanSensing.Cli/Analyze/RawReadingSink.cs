using System.Globalization;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Cli.Export;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// Reads the API's raw-reading CSV one slice (a UTC day) at a time and hands each slice over sorted by device, sensor
/// and time, then forgets it: a rain gauge read every 10 s gives 3 million readings a year, which the rain analysis
/// turns into a few thousand tips as they come.
/// </summary>
internal sealed class RawReadingSink(Action<IReadOnlyList<RawReading>> onSlice) : IRowSink
{
    private readonly List<RawReading> _slice = [];
    private long _rows;
    private int _device = -1;
    private int _sensor = -1;
    private int _time = -1;
    private int _value = -1;
    private int _flags = -1;

    public long Rows => _rows;

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

        _slice.Add(new RawReading(fields[_device], fields[_sensor], time, value, fields[_flags]));
        _rows++;
        return Task.CompletedTask;
    }

    public Task EndSliceAsync(CancellationToken cancellationToken)
    {
        _slice.Sort(static (left, right) =>
        {
            var order = string.CompareOrdinal(left.Device, right.Device);
            order = order != 0 ? order : string.CompareOrdinal(left.Sensor, right.Sensor);
            return order != 0 ? order : left.Time.CompareTo(right.Time);
        });
        onSlice(_slice);
        _slice.Clear();
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
