using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>Reads the JSON answer of <c>/query</c> to the statements of <see cref="InfluxQl"/>, asked with <c>epoch=ns</c>.</summary>
/// <remarks>
/// The answer is <c>{"results":[{"series":[{"name","tags","columns","values":[[time,…],…]}]}]}</c>; an error comes as
/// an <c>error</c> member of the answer or of a result, the latter with status 200. Columns are found by name, so
/// their order does not matter; columns the store does not know are skipped.
/// </remarks>
internal static class InfluxQlResponse
{
    private delegate void RowHandler<in TState>(TState state, Series series, in Row row);

    private enum Column
    {
        Other,
        Time,
        Value,
        Sequence,
        Flags,
        Count,
        Sum,
        Min,
        Max,
        Last,
    }

    /// <summary>The readings of an answer (or of one chunk of it) to <see cref="InfluxQl.SelectChannelReadings"/>, in the answer's order.</summary>
    public static List<Reading> ReadReadings(ReadOnlySpan<byte> json)
    {
        var readings = new List<Reading>();
        ReadRows(json, readings, static (List<Reading> readings, Series series, in Row row) => readings.Add(ToReading(series, row)));
        return readings;
    }

    /// <summary>The points of an answer (or of one chunk of it) to <see cref="InfluxQl.SelectStoredFlags"/>, in the answer's order.</summary>
    public static List<StoredFlags> ReadStoredFlags(ReadOnlySpan<byte> json)
    {
        var points = new List<StoredFlags>();
        ReadRows(json, points, static (List<StoredFlags> points, Series series, in Row row) => points.Add(ToStoredFlags(series, row)));
        return points;
    }

    /// <summary>The channels of an answer to <see cref="InfluxQl.ShowSeries"/>, each once, in the store's order.</summary>
    public static List<InfluxChannel> ReadChannels(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error))
        {
            throw Refused(error.GetString());
        }

        var channels = new HashSet<InfluxChannel>();
        foreach (var result in root.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var resultError))
            {
                throw Refused(resultError.GetString());
            }

            if (!result.TryGetProperty("series", out var series))
            {
                continue;
            }

            foreach (var row in series.EnumerateArray().SelectMany(one => one.GetProperty("values").EnumerateArray()))
            {
                // Series without the store's three tags are not the store's; they are left alone.
                if (row[0].GetString() is { } key && InfluxChannel.FromSeriesKey(key) is { } channel)
                {
                    channels.Add(channel);
                }
            }
        }

        var ordered = channels.ToList();
        ordered.Sort(InfluxChannel.Compare);
        return ordered;
    }

    /// <summary>The time of every row of the answer, in nanoseconds since the Unix epoch.</summary>
    public static List<long> ReadTimes(ReadOnlySpan<byte> json)
    {
        var times = new List<long>();
        ReadRows(json, times, static (List<long> times, Series _, in Row row) => times.Add(row.Time ?? throw Malformed("a row has no time")));
        return times;
    }

    /// <summary>The buckets of an answer to <see cref="InfluxQl.SelectBucketStatistics"/> for <paramref name="grouping"/>.</summary>
    /// <remarks>Statistics that were not asked for (not in <paramref name="columns"/>) are 0.</remarks>
    public static List<BucketStatistics> ReadBucketStatistics(ReadOnlySpan<byte> json, TimeGrouping grouping, BucketColumns columns)
    {
        ArgumentNullException.ThrowIfNull(grouping);
        var buckets = new List<BucketStatistics>();
        ReadRows(
            json,
            (buckets, grouping, columns),
            static ((List<BucketStatistics> Buckets, TimeGrouping Grouping, BucketColumns Columns) state, Series series, in Row row) =>
                state.Buckets.Add(ToBucket(series, row, state.Grouping, state.Columns)));
        return buckets;
    }

    private static Reading ToReading(Series series, in Row row)
    {
        var (deviceId, sensor, quantity) = series.Channel;
        var (time, value, flags) = ReadingCells(deviceId, sensor, quantity.Name, row);
        return new Reading(deviceId, sensor, quantity, InfluxQl.ToInstant(time), value, row.Sequence, flags);
    }

    private static StoredFlags ToStoredFlags(Series series, in Row row)
    {
        var (channel, seriesKey) = series.Stored;
        var (time, _, flags) = ReadingCells(channel.DeviceId, channel.Sensor, channel.QuantityName, row);
        return new StoredFlags(channel, seriesKey, time, flags);
    }

    /// <summary>The time, value and flags of a row, which the store wrote with all three.</summary>
    private static (long Time, double Value, QualityFlags Flags) ReadingCells(string deviceId, string sensor, string quantityName, in Row row)
    {
        if (row.Time is not { } time || row.Value is not { } value)
        {
            throw new InvalidOperationException(
                $"The store holds a point of device '{deviceId}', sensor '{sensor}', quantity '{quantityName}' without a time or a value.");
        }

        // InfluxQL cannot select points without a field, so a point without qc would be neither flagged nor unflagged.
        if (row.Flags is not (>= int.MinValue and <= int.MaxValue and var flags))
        {
            throw new InvalidOperationException(
                $"The store holds a point of device '{deviceId}', sensor '{sensor}', quantity '{quantityName}' at {time} ns " +
                $"whose qc field is {(row.Flags is null ? "missing" : $"{row.Flags}, not 32-bit quality flags")}; the store writes every point with one.");
        }

        return (time, value, (QualityFlags)flags);
    }

    private static BucketStatistics ToBucket(Series series, in Row row, TimeGrouping grouping, BucketColumns columns)
    {
        var (deviceId, sensor, quantity) = series.Channel;
        if (row.Time is not { } time
            || Lacks(columns, BucketColumns.Count, row.Count)
            || Lacks(columns, BucketColumns.Sum, row.Sum)
            || Lacks(columns, BucketColumns.Min, row.Min)
            || Lacks(columns, BucketColumns.Max, row.Max)
            || Lacks(columns, BucketColumns.Last, row.Last))
        {
            throw Malformed("a bucket lacks its time or one of the statistics asked for");
        }

        // The first bucket of a grouping is labelled with its aligned start, which may lie before the grouping's.
        var start = InfluxQl.ToInstant(Math.Max(time, grouping.FromNanoseconds));
        return new BucketStatistics(deviceId, sensor, quantity, start, row.Count ?? 0, row.Sum ?? 0, row.Min ?? 0, row.Max ?? 0, row.Last ?? 0);
    }

    private static bool Lacks<T>(BucketColumns asked, BucketColumns column, T? value)
        where T : struct => asked.HasFlag(column) && value is null;

    private static void ReadRows<TState>(ReadOnlySpan<byte> json, TState state, RowHandler<TState> handler)
    {
        var reader = new Utf8JsonReader(json);
        Read(ref reader);
        Require(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader) is { } property)
        {
            switch (property)
            {
                case "results":
                    ReadResults(ref reader, state, handler);
                    break;
                case "error":
                    throw Refused(reader.GetString());
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadResults<TState>(ref Utf8JsonReader reader, TState state, RowHandler<TState> handler)
    {
        Require(ref reader, JsonTokenType.StartArray);
        while (NextElement(ref reader))
        {
            Require(ref reader, JsonTokenType.StartObject);
            while (NextProperty(ref reader) is { } property)
            {
                switch (property)
                {
                    case "series":
                        Require(ref reader, JsonTokenType.StartArray);
                        while (NextElement(ref reader))
                        {
                            ReadSeries(ref reader, state, handler);
                        }

                        break;
                    case "error":
                        throw Refused(reader.GetString());
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
    }

    private static void ReadSeries<TState>(ref Utf8JsonReader reader, TState state, RowHandler<TState> handler)
    {
        Require(ref reader, JsonTokenType.StartObject);
        var series = new Series();
        Column[]? columns = null;
        while (NextProperty(ref reader) is { } property)
        {
            switch (property)
            {
                case "name":
                    series.Measurement = reader.GetString();
                    break;
                case "tags":
                    ReadTags(ref reader, series);
                    break;
                case "columns":
                    columns = ReadColumns(ref reader);
                    break;
                case "values":
                    if (columns is null || series.Measurement is null)
                    {
                        throw Malformed("a series lists its values before its name and columns");
                    }

                    ReadValues(ref reader, columns, series, state, handler);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadTags(ref Utf8JsonReader reader, Series series)
    {
        Require(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader) is { } tag)
        {
            if (reader.GetString() is { } value)
            {
                series.Tags.Add(new(tag, value));
            }

            switch (tag)
            {
                case "device":
                    series.DeviceId = reader.GetString();
                    break;
                case "sensor":
                    series.Sensor = reader.GetString();
                    break;
                case "quantity":
                    series.QuantityName = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static Column[] ReadColumns(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartArray);
        var columns = new List<Column>(6);
        while (NextElement(ref reader))
        {
            columns.Add(reader.GetString() switch
            {
                "time" => Column.Time,
                "value" => Column.Value,
                "seq" => Column.Sequence,
                "qc" => Column.Flags,
                "count" => Column.Count,
                "sum" => Column.Sum,
                "min" => Column.Min,
                "max" => Column.Max,
                "last" => Column.Last,
                _ => Column.Other,
            });
        }

        return [.. columns];
    }

    private static void ReadValues<TState>(ref Utf8JsonReader reader, Column[] columns, Series series, TState state, RowHandler<TState> handler)
    {
        Require(ref reader, JsonTokenType.StartArray);
        while (NextElement(ref reader))
        {
            Require(ref reader, JsonTokenType.StartArray);
            var row = default(Row);
            var column = 0;
            while (NextElement(ref reader))
            {
                if (column >= columns.Length)
                {
                    throw Malformed("a row has more values than its series has columns");
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    column++;
                    continue;
                }

                switch (columns[column++])
                {
                    case Column.Time:
                        row.Time = reader.GetInt64();
                        break;
                    case Column.Value:
                        row.Value = reader.GetDouble();
                        break;
                    case Column.Sequence:
                        row.Sequence = reader.GetInt64();
                        break;
                    case Column.Flags:
                        row.Flags = reader.GetInt64();
                        break;
                    case Column.Count:
                        row.Count = reader.GetInt64();
                        break;
                    case Column.Sum:
                        row.Sum = reader.GetDouble();
                        break;
                    case Column.Min:
                        row.Min = reader.GetDouble();
                        break;
                    case Column.Max:
                        row.Max = reader.GetDouble();
                        break;
                    case Column.Last:
                        row.Last = reader.GetDouble();
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }

            handler(state, series, row);
        }
    }

    private static Quantity Resolve(string? measurement, string? deviceId, string? sensor, string? quantityName)
    {
        ThrowIfNotAChannel(measurement, deviceId, sensor, quantityName);

        if (!Quantities.TryGet(quantityName, out var quantity))
        {
            throw new InvalidOperationException(
                $"The store holds a reading of device '{deviceId}', sensor '{sensor}' with the unknown quantity " +
                $"'{quantityName}'; known quantities are {Quantities.KnownNames}.");
        }

        if (LineProtocol.Measurement(quantity.Domain) != measurement)
        {
            throw new InvalidOperationException(
                $"The store holds a reading of device '{deviceId}', sensor '{sensor}', quantity '{quantityName}' in measurement " +
                $"'{measurement}', but that quantity belongs in '{LineProtocol.Measurement(quantity.Domain)}'.");
        }

        return quantity;
    }

    private static void ThrowIfNotAChannel(string? measurement, [NotNull] string? deviceId, [NotNull] string? sensor, [NotNull] string? quantityName)
    {
        if (string.IsNullOrEmpty(deviceId) || string.IsNullOrEmpty(sensor) || string.IsNullOrEmpty(quantityName))
        {
            throw new InvalidOperationException(
                $"The store holds points in measurement '{measurement}' without a device, sensor or quantity tag.");
        }
    }

    /// <summary>Moves to the next property of the current object and onto its value; null at the end of the object.</summary>
    private static string? NextProperty(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }

        var name = reader.GetString();
        Read(ref reader);
        return name;
    }

    /// <summary>Moves onto the next element of the current array; false at the end of the array.</summary>
    private static bool NextElement(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    private static void Require(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw Malformed($"expected {type} but found {reader.TokenType}");
        }
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw Malformed("the answer ends early");
        }
    }

    private static InvalidOperationException Refused(string? error) =>
        new($"InfluxDB refused the query: {error}");

    private static InvalidOperationException Malformed(string what) =>
        new($"InfluxDB answered the query with unexpected JSON: {what}.");

    /// <summary>One series of the answer: its measurement and tags, and the channel they name once a row needs it.</summary>
    private sealed class Series
    {
        private (string DeviceId, string Sensor, Quantity Quantity)? _channel;
        private (InfluxChannel Channel, string SeriesKey)? _stored;

        public string? Measurement { get; set; }

        /// <summary>Every tag the answer gives the series, with an empty value for a key the series does not have.</summary>
        public List<KeyValuePair<string, string>> Tags { get; } = [];

        public string? DeviceId { get; set; }

        public string? Sensor { get; set; }

        public string? QuantityName { get; set; }

        /// <exception cref="InvalidOperationException">A tag is missing, or the quantity is unknown or in another domain's measurement.</exception>
        public (string DeviceId, string Sensor, Quantity Quantity) Channel =>
            _channel ??= (DeviceId!, Sensor!, Resolve(Measurement, DeviceId, Sensor, QuantityName));

        /// <summary>The channel as named, unresolved, and the whole series key, of a series grouped by every tag.</summary>
        /// <exception cref="InvalidOperationException">A tag is missing, or a tag cannot be written back.</exception>
        public (InfluxChannel Channel, string SeriesKey) Stored
        {
            get
            {
                if (_stored is null)
                {
                    ThrowIfNotAChannel(Measurement, DeviceId, Sensor, QuantityName);
                    _stored = (new InfluxChannel(Measurement!, DeviceId, Sensor, QuantityName), LineProtocol.SeriesKey(Measurement!, Tags));
                }

                return _stored.Value;
            }
        }
    }

    /// <summary>The cells of one row the store knows, null where the column is absent or the cell is null.</summary>
    private struct Row
    {
        public long? Time { get; set; }

        public double? Value { get; set; }

        public long? Sequence { get; set; }

        public long? Flags { get; set; }

        public long? Count { get; set; }

        public double? Sum { get; set; }

        public double? Min { get; set; }

        public double? Max { get; set; }

        public double? Last { get; set; }
    }
}
