using System.Globalization;
using System.Text;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>The InfluxQL statements the store asks: a query's readings, their first and last, and their statistics per time bucket.</summary>
/// <remarks>
/// InfluxQL orders only by time, and its <c>LIMIT</c> under <c>GROUP BY</c> counts per series. So the readings
/// statement groups by device, sensor and quantity, limits each series, and the store sorts the series and applies the
/// overall limit: the first N readings overall are among the first N of each series.
/// </remarks>
internal static class InfluxQl
{
    private const long NanosecondsPerTick = 100;

    private static readonly Domain[] AllDomains = [Domain.Air, Domain.Water, Domain.Rain, Domain.Surface];

    public static string SelectReadings(ReadingQuery query)
    {
        var text = new StringBuilder("SELECT \"value\", \"seq\", \"qc\"");
        AppendSelection(text, query, ToClampedNanoseconds(query.From), ToClampedNanoseconds(query.To));
        text.Append(" GROUP BY \"device\", \"sensor\", \"quantity\"");
        if (query.Limit is { } limit)
        {
            text.Append(CultureInfo.InvariantCulture, $" LIMIT {limit}");
        }

        return text.ToString();
    }

    /// <summary>The earliest reading of the query in each measurement, at its own time.</summary>
    /// <remarks>A selector keeps its point's time only when it is alone in the statement, hence one statement for each end.</remarks>
    public static string SelectFirst(ReadingQuery query) => SelectAlone("first", query);

    /// <summary>The latest reading of the query in each measurement, at its own time.</summary>
    public static string SelectLast(ReadingQuery query) => SelectAlone("last", query);

    /// <summary>
    /// Count, sum, minimum, maximum and last value of the query's readings in [<see cref="TimeGrouping.FromNanoseconds"/>,
    /// <see cref="TimeGrouping.ToNanoseconds"/>), per channel and bucket of the grouping; buckets without readings are left out.
    /// </summary>
    /// <remarks>No <c>tz()</c>: the grouping already carries the time zone's offset, see <see cref="TimeGrouping"/>.</remarks>
    public static string SelectBucketStatistics(ReadingQuery query, TimeGrouping grouping)
    {
        var text = new StringBuilder("SELECT count(\"value\"), sum(\"value\"), min(\"value\"), max(\"value\"), last(\"value\")");
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
        var domains = query.Quantities.Count == 0
            ? AllDomains
            : AllDomains.Where(domain => query.Quantities.Any(quantity => quantity.Domain == domain)).ToArray();

        text.Append(" FROM ");
        text.AppendJoin(", ", domains.Select(domain => $"\"{LineProtocol.Measurement(domain)}\""));
        text.Append(CultureInfo.InvariantCulture, $" WHERE time >= {fromNanoseconds} AND time < {toNanoseconds}");
        AppendAnyOf(text, "device", query.DeviceIds);
        AppendAnyOf(text, "quantity", query.Quantities.Select(quantity => quantity.Name).ToArray());
        if (query.ExcludeFlagged)
        {
            text.Append(" AND \"qc\" = 0");
        }
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
