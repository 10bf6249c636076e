using System.Globalization;
using System.Text;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>The InfluxQL statements the store asks: a query's readings, their first and last, and their statistics per time bucket.</summary>
/// <remarks>
/// InfluxQL orders only by time, and the order in which it lists series is not the store's. So raw readings are read
/// channel by channel: the channels the query may touch come from <c>SHOW SERIES</c>, sorted here, and each one's
/// readings stream out of a statement of its own in time order.
/// </remarks>
internal static class InfluxQl
{
    private const long NanosecondsPerTick = 100;

    private static readonly Domain[] AllDomains = [Domain.Air, Domain.Water, Domain.Rain, Domain.Surface];

    /// <summary>The series of the query's measurements, devices and quantities, whatever their time (SHOW SERIES takes no time range everywhere).</summary>
    public static string ShowSeries(ReadingQuery query)
    {
        var text = new StringBuilder("SHOW SERIES");
        AppendMeasurements(text, query);
        var filters = new StringBuilder();
        AppendAnyOf(filters, "device", query.DeviceIds);
        AppendAnyOf(filters, "quantity", query.Quantities.Select(quantity => quantity.Name).ToArray());
        if (filters.Length > 0)
        {
            text.Append(" WHERE ").Append(filters, " AND ".Length, filters.Length - " AND ".Length);
        }

        return text.ToString();
    }

    /// <summary>One channel's readings in the query's range, in time order, at most <paramref name="limit"/> of them.</summary>
    public static string SelectChannelReadings(ReadingQuery query, InfluxChannel channel, long? limit)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var text = new StringBuilder("SELECT \"value\", \"seq\", \"qc\"");
        text.Append(CultureInfo.InvariantCulture, $" FROM \"{channel.Measurement}\" WHERE time >= {ToClampedNanoseconds(query.From)} AND time < {ToClampedNanoseconds(query.To)}");
        AppendAnyOf(text, "device", [channel.DeviceId]);
        AppendAnyOf(text, "sensor", [channel.Sensor]);
        AppendAnyOf(text, "quantity", [channel.QuantityName]);
        if (query.ExcludeFlagged)
        {
            text.Append(" AND \"qc\" = 0");
        }

        // Grouped by the channel's tags, which the WHERE clause already fixes, so that the answer names them.
        text.Append(" GROUP BY \"device\", \"sensor\", \"quantity\"");
        if (limit is { } most)
        {
            text.Append(CultureInfo.InvariantCulture, $" LIMIT {most}");
        }

        return text.ToString();
    }

    /// <summary>
    /// The value and flags of the points of <paramref name="channels"/> in [<paramref name="fromNanoseconds"/>,
    /// <paramref name="toNanoseconds"/>], grouped by every tag, so that each point's whole series key comes back.
    /// </summary>
    public static string SelectStoredFlags(IReadOnlyCollection<InfluxChannel> channels, long fromNanoseconds, long toNanoseconds)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var text = new StringBuilder("SELECT \"value\", \"qc\" FROM ");
        text.AppendJoin(", ", channels.Select(channel => channel.Measurement).Distinct().Order(StringComparer.Ordinal).Select(measurement => $"\"{measurement}\""));
        text.Append(CultureInfo.InvariantCulture, $" WHERE time >= {fromNanoseconds} AND time <= {toNanoseconds} AND (");
        text.AppendJoin(
            " OR ",
            channels.Order(Comparer<InfluxChannel>.Create(InfluxChannel.Compare)).Select(channel =>
                $"(\"device\" = {StringLiteral(channel.DeviceId)} AND \"sensor\" = {StringLiteral(channel.Sensor)} AND \"quantity\" = {StringLiteral(channel.QuantityName)})"));
        text.Append(") GROUP BY *");
        return text.ToString();
    }

    /// <summary>The earliest reading of the query in each measurement, at its own time.</summary>
    /// <remarks>A selector keeps its point's time only when it is alone in the statement, hence one statement for each end.</remarks>
    public static string SelectFirst(ReadingQuery query) => SelectAlone("first", query);

    /// <summary>The latest reading of the query in each measurement, at its own time.</summary>
    public static string SelectLast(ReadingQuery query) => SelectAlone("last", query);

    /// <summary>
    /// The <paramref name="columns"/> (count, sum, minimum, maximum, last value) of the query's readings in
    /// [<see cref="TimeGrouping.FromNanoseconds"/>, <see cref="TimeGrouping.ToNanoseconds"/>), per channel and bucket of
    /// the grouping; buckets without readings are left out.
    /// </summary>
    /// <remarks>No <c>tz()</c>: the grouping already carries the time zone's offset, see <see cref="TimeGrouping"/>.</remarks>
    public static string SelectBucketStatistics(ReadingQuery query, TimeGrouping grouping, BucketColumns columns)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(columns, BucketColumns.None);
        var selectors = new (BucketColumns Column, string Function)[]
        {
            (BucketColumns.Count, "count"), (BucketColumns.Sum, "sum"), (BucketColumns.Min, "min"), (BucketColumns.Max, "max"), (BucketColumns.Last, "last"),
        };
        var text = new StringBuilder("SELECT ");
        text.AppendJoin(", ", selectors.Where(selector => columns.HasFlag(selector.Column)).Select(selector => $"{selector.Function}(\"value\")"));
        AppendSelection(text, query, grouping.FromNanoseconds, grouping.ToNanoseconds);
        text.Append(
            CultureInfo.InvariantCulture,
            $" GROUP BY time({Seconds(grouping.Interval)}s, {Seconds(grouping.Offset)}s), \"device\", \"sensor\", \"quantity\" fill(none)");
        return text.ToString();
    }

    /// <summary>The instant in nanoseconds since the Unix epoch, moved into the range InfluxDB can store.</summary>
    public static long ToClampedNanoseconds(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return Math.Clamp(ticks, LineProtocol.MinNanoseconds / NanosecondsPerTick, LineProtocol.MaxNanoseconds / NanosecondsPerTick) * NanosecondsPerTick;
    }

    /// <summary>The instant of a time InfluxDB answered, in nanoseconds since the Unix epoch, to the tick below.</summary>
    public static DateTimeOffset ToInstant(long nanoseconds)
    {
        // Division truncates toward zero: before the epoch, a part of a tick belongs to the tick below.
        var ticks = nanoseconds / NanosecondsPerTick;
        return DateTimeOffset.UnixEpoch.AddTicks(nanoseconds % NanosecondsPerTick < 0 ? ticks - 1 : ticks);
    }

    /// <summary>A single-quoted InfluxQL string literal.</summary>
    public static string StringLiteral(string value) =>
        $"'{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}'";

    private static string SelectAlone(string selector, ReadingQuery query)
    {
        var text = new StringBuilder($"SELECT {selector}(\"value\")");
        AppendSelection(text, query, ToClampedNanoseconds(query.From), ToClampedNanoseconds(query.To));
        return text.ToString();
    }

    /// <summary>FROM the measurements of the query's quantities, WHERE its time range (in nanoseconds), devices, quantities and flags.</summary>
    private static void AppendSelection(StringBuilder text, ReadingQuery query, long fromNanoseconds, long toNanoseconds)
    {
        AppendMeasurements(text, query);
        text.Append(CultureInfo.InvariantCulture, $" WHERE time >= {fromNanoseconds} AND time < {toNanoseconds}");
        AppendAnyOf(text, "device", query.DeviceIds);
        AppendAnyOf(text, "quantity", query.Quantities.Select(quantity => quantity.Name).ToArray());
        if (query.ExcludeFlagged)
        {
            text.Append(" AND \"qc\" = 0");
        }
    }

    private static void AppendMeasurements(StringBuilder text, ReadingQuery query)
    {
        var domains = query.Quantities.Count == 0
            ? AllDomains
            : AllDomains.Where(domain => query.Quantities.Any(quantity => quantity.Domain == domain)).ToArray();

        text.Append(" FROM ");
        text.AppendJoin(", ", domains.Select(domain => $"\"{LineProtocol.Measurement(domain)}\""));
    }

    private static void AppendAnyOf(StringBuilder text, string tag, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        text.Append(" AND (");
        text.AppendJoin(" OR ", values.Select(value => $"\"{tag}\" = {StringLiteral(value)}"));
        text.Append(')');
    }

    private static long Seconds(TimeSpan duration) => duration.Ticks / TimeSpan.TicksPerSecond;
}
