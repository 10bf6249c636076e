using Parquet;
using Parquet.Schema;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Api.Readings;

/// <summary>
/// Readings and aggregated windows as Parquet (Snappy: Parquet.Net writes Zstandard about ten times slower), streamed: rows are gathered into row groups of
/// <see cref="RowsPerGroup"/>, each written as soon as it is full, so memory holds one group whatever the answer's
/// size. Columns as in the CSV, with times as UTC timestamps.
/// </summary>
public static class ReadingParquet
{
    public const string ContentType = "application/vnd.apache.parquet";

    private const int RowsPerGroup = 100_000;
    private static readonly ParquetOptions Options = new() { CompressionMethod = CompressionMethod.Snappy };

    public static async Task WriteReadingsAsync(IAsyncEnumerable<Reading> readings, SensorRegistry registry, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(registry);
        var columns = new ColumnBuffers(["device", "sensor", "quantity", "unit"], ["time"], ["value"], withSequence: true, ["flags", "site", "district", "lcz"]);
        var places = new ChannelPlaces(registry);
        var writer = await ParquetWriter.CreateAsync(columns.Schema, new AsynchronousFlushStream(output), Options, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var reading in readings.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var place = places.Of(reading.DeviceId);
                columns.Add(
                    [reading.DeviceId, reading.Sensor, reading.Quantity.Name, reading.Unit],
                    [reading.Timestamp.UtcDateTime],
                    [reading.Value],
                    reading.Sequence,
                    [NullIfEmpty(QualityFlagNames.Joined(reading.Flags)), place.Site, place.District, place.Lcz]);
                if (columns.Count == RowsPerGroup)
                {
                    await columns.WriteRowGroupAsync(writer, cancellationToken).ConfigureAwait(false);
                }
            }

            await columns.WriteRowGroupAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task WriteWindowsAsync(IAsyncEnumerable<AggregatedWindow> windows, IReadOnlyList<Aggregate> aggregates, SensorRegistry registry, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(registry);
        var columns = new ColumnBuffers(["device", "sensor", "quantity", "unit"], ["start", "end"], [.. aggregates.Select(aggregate => aggregate.ToString())], withSequence: false, ["site", "district", "lcz"]);
        var places = new ChannelPlaces(registry);
        var writer = await ParquetWriter.CreateAsync(columns.Schema, new AsynchronousFlushStream(output), Options, cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            await foreach (var window in windows.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var place = places.Of(window.DeviceId);
                columns.Add(
                    [window.DeviceId, window.Sensor, window.Quantity.Name, window.Quantity.Unit],
                    [window.Start.UtcDateTime, window.End.UtcDateTime],
                    window.Values,
                    null,
                    [place.Site, place.District, place.Lcz]);
                if (columns.Count == RowsPerGroup)
                {
                    await columns.WriteRowGroupAsync(writer, cancellationToken).ConfigureAwait(false);
                }
            }

            await columns.WriteRowGroupAsync(writer, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>One row group's values, column by column: leading text, times, numbers, an optional sequence, trailing text.</summary>
    private sealed class ColumnBuffers
    {
        private readonly List<string?>[] _leading;
        private readonly List<DateTime>[] _times;
        private readonly List<double>[] _numbers;
        private readonly List<long?>? _sequence;
        private readonly List<string?>[] _trailing;

        public ColumnBuffers(string[] leading, string[] times, string[] numbers, bool withSequence, string[] trailing)
        {
            _leading = [.. leading.Select(_ => new List<string?>())];
            _times = [.. times.Select(_ => new List<DateTime>())];
            _numbers = [.. numbers.Select(_ => new List<double>())];
            _sequence = withSequence ? [] : null;
            _trailing = [.. trailing.Select(_ => new List<string?>())];
            Schema = new ParquetSchema(
            [
                .. leading.Select(name => (Field)new DataField<string>(name)),
                .. times.Select(name => (Field)new DataField<DateTime>(name)),
                .. numbers.Select(name => (Field)new DataField<double>(name)),
                .. withSequence ? [(Field)new DataField<long?>("sequence")] : Array.Empty<Field>(),
                .. trailing.Select(name => (Field)new DataField<string>(name)),
            ]);
        }

        public ParquetSchema Schema { get; }

        public int Count => _times[0].Count;

        public void Add(string?[] leading, DateTime[] times, IReadOnlyList<double> numbers, long? sequence, string?[] trailing)
        {
            for (var index = 0; index < leading.Length; index++)
            {
                _leading[index].Add(leading[index]);
            }

            for (var index = 0; index < times.Length; index++)
            {
                _times[index].Add(times[index]);
            }

            for (var index = 0; index < numbers.Count; index++)
            {
                _numbers[index].Add(numbers[index]);
            }

            _sequence?.Add(sequence);
            for (var index = 0; index < trailing.Length; index++)
            {
                _trailing[index].Add(trailing[index]);
            }
        }

        public async Task WriteRowGroupAsync(ParquetWriter writer, CancellationToken cancellationToken)
        {
            if (Count == 0)
            {
                return;
            }

            var fields = Schema.DataFields;
            var column = 0;
            using (var group = writer.CreateRowGroup())
            {
                foreach (var values in _leading)
                {
                    await group.WriteAsync(fields[column++], values, null).ConfigureAwait(false);
                }

                foreach (var values in _times)
                {
                    await group.WriteAsync<DateTime>(fields[column++], values.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                foreach (var values in _numbers)
                {
                    await group.WriteAsync<double>(fields[column++], values.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                if (_sequence is not null)
                {
                    await group.WriteAsync<long>(fields[column++], _sequence.ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
                }

                foreach (var values in _trailing)
                {
                    await group.WriteAsync(fields[column++], values, null).ConfigureAwait(false);
                }
            }

            foreach (var list in _leading.Concat(_trailing))
            {
                list.Clear();
            }

            foreach (var list in _times)
            {
                list.Clear();
            }

            foreach (var list in _numbers)
            {
                list.Clear();
            }

            _sequence?.Clear();
        }
    }
}
