namespace UrbanSensing.Storage.Aggregation;

public enum AggregateFunction
{
    Mean,
    Min,
    Max,
    Sum,
    Count,

    /// <summary>The value of the window's latest reading.</summary>
    Last,

    /// <summary>Linear interpolation between the closest ranks (Hyndman and Fan's type 7, as numpy, R and DuckDB's <c>quantile_cont</c>).</summary>
    Percentile,
}
