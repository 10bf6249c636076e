namespace UrbanSensing.Analytics.Charts;

public enum ChartKind
{
    /// <summary>One line per series, broken where readings are missing.</summary>
    Line,

    /// <summary>One bar per point covering its interval [time, time + step), the series of one interval side by side.</summary>
    Bar,
}
