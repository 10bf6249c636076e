using System.Globalization;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.DuckDb;

/// <summary>
/// The query of one aggregation: the selected readings of <c>[$first, $last]</c> grouped by channel and window, one
/// row per window with the channel's names, the window's start in microseconds, then one DOUBLE per aggregate.
/// </summary>
/// <remarks>
/// The text holds only numbers this class and <see cref="LocalWindowPlan"/> format, and the clauses the selection
/// needs; devices and quantities come in as parameters. All percentiles of a query come from one <c>quantile_cont</c>
/// over a list, so each window's values are sorted once.
/// </remarks>
internal static class AggregationSql
{
    public const int FirstValueOrdinal = 5;

    private const string UnflaggedClause = " AND flags = 0";

    // Only when the selection names devices or quantities: the semi-join probes every reading of the span, a quarter
    // of the time of a query over all of them.
    private const string ChannelsClause = """

                      AND channel IN (
                          SELECT channel FROM channels
                          WHERE (len($devices) = 0 OR list_contains($devices, device_id))
                            AND (len($quantities) = 0 OR list_contains($quantities, quantity)))
        """;

    /// <param name="selectsChannels">Whether the selection names devices or quantities, given as <c>$devices</c> and <c>$quantities</c>.</param>
    /// <param name="excludesFlagged">Whether flagged readings are left out.</param>
    public static string Build(LocalWindowPlan plan, IReadOnlyList<Aggregate> aggregates, bool selectsChannels, bool excludesFlagged)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(aggregates);
        var percentiles = aggregates
            .Where(aggregate => aggregate.Function == AggregateFunction.Percentile)
            .Select(aggregate => (aggregate.Percentile / 100).ToString("R", CultureInfo.InvariantCulture))
            .ToList();
        var statistics = aggregates
            .Select((aggregate, index) => (aggregate, index))
            .Where(item => item.aggregate.Function != AggregateFunction.Percentile)
            .Select(item => string.Create(CultureInfo.InvariantCulture, $"{Statistic(item.aggregate.Function)} AS value_{item.index}"))
            .ToList();
        if (percentiles.Count > 0)
        {
            statistics.Add($"quantile_cont(value, [{string.Join(", ", percentiles)}]) AS percentiles");
        }

        var percentileNumber = 0;
        var columns = aggregates.Select((aggregate, index) => aggregate.Function == AggregateFunction.Percentile
            ? string.Create(CultureInfo.InvariantCulture, $"w.percentiles[{++percentileNumber}]")
            : string.Create(CultureInfo.InvariantCulture, $"w.value_{index}"));

        return $"""
            SELECT c.device_id, c.sensor, c.quantity, c.unit, w.window_start, {string.Join(", ", columns)}
            FROM (
                SELECT channel, window_start, {string.Join(", ", statistics)}
                FROM (
                    SELECT channel, time, value, {plan.WindowStartSql("us")} AS window_start
                    FROM (
                        SELECT channel, time, value, epoch_us(time) AS us
                        FROM readings
                        WHERE time >= $first AND time <= $last{(excludesFlagged ? UnflaggedClause : "")}{(selectsChannels ? ChannelsClause : "")}
                    )
                )
                GROUP BY channel, window_start
            ) AS w
            JOIN channels AS c USING (channel)
            ORDER BY c.device_id, c.sensor, c.quantity, w.window_start
            LIMIT $limit
            """;
    }

    private static string Statistic(AggregateFunction function) => function switch
    {
        AggregateFunction.Mean => "avg(value)",
        AggregateFunction.Min => "min(value)",
        AggregateFunction.Max => "max(value)",
        AggregateFunction.Sum => "sum(value)",
        AggregateFunction.Count => "CAST(count(*) AS DOUBLE)",
        AggregateFunction.Last => "arg_max(value, time)",
        _ => throw new ArgumentOutOfRangeException(nameof(function), function, "Percentiles are computed together."),
    };
}
