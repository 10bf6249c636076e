using System.Globalization;
using System.Text;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>The InfluxQL statement that selects the readings of a query.</summary>
/// <remarks>
/// InfluxQL orders only by time, and its <c>LIMIT</c> under <c>GROUP BY</c> counts per series. So the statement groups
/// by device, sensor and quantity, limits each series, and the store sorts the series and applies the overall limit:
/// the first N readings overall are among the first N of each series.
/// </remarks>
internal static class InfluxQl
{
    private static readonly Domain[] AllDomains = [Domain.Air, Domain.Water, Domain.Rain, Domain.Surface];

    public static string SelectReadings(ReadingQuery query)
    {
        var domains = query.Quantities.Count == 0
            ? AllDomains
            : AllDomains.Where(domain => query.Quantities.Any(quantity => quantity.Domain == domain)).ToArray();

        var text = new StringBuilder("SELECT \"value\", \"seq\" FROM ");
        text.AppendJoin(", ", domains.Select(domain => $"\"{LineProtocol.Measurement(domain)}\""));
        text.Append(CultureInfo.InvariantCulture, $" WHERE time >= {ToClampedNanoseconds(query.From)} AND time < {ToClampedNanoseconds(query.To)}");
        AppendAnyOf(text, "device", query.DeviceIds);
        AppendAnyOf(text, "quantity", query.Quantities.Select(quantity => quantity.Name).ToArray());
        text.Append(" GROUP BY \"device\", \"sensor\", \"quantity\"");
        if (query.Limit is { } limit)
        {
            text.Append(CultureInfo.InvariantCulture, $" LIMIT {limit}");
        }

        return text.ToString();
    }

    /// <summary>The instant in nanoseconds since the Unix epoch, moved into the range InfluxDB can store.</summary>
    public static long ToClampedNanoseconds(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return Math.Clamp(ticks, LineProtocol.MinNanoseconds / 100, LineProtocol.MaxNanoseconds / 100) * 100;
    }

    /// <summary>A single-quoted InfluxQL string literal.</summary>
    public static string StringLiteral(string value) =>
        $"'{value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}'";

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
}
