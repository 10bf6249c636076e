namespace UrbanSensing.Analytics.Streaming;

/// <summary>The kinds of <see cref="AnalyticsEvent"/>, as stored and served: names never change once released.</summary>
public static class AnalyticsEventKinds
{
    /// <summary>A site entered a heat-wave episode; the time is the episode's first day, the value its IBMx (°C).</summary>
    public const string HeatWaveStarted = "heat-wave-started";

    /// <summary>A site left a heat-wave episode; the time is the first day after it, the value its peak IBMx (°C).</summary>
    public const string HeatWaveEnded = "heat-wave-ended";

    /// <summary>A basin's fill reached its warning fraction, or fell back below its overflow level; the value is the fill (0 to 1).</summary>
    public const string BasinNearOverflow = "basin-near-overflow";

    /// <summary>A basin's water reached its overflow level; the value is the fill (1).</summary>
    public const string BasinOverflowing = "basin-overflowing";

    /// <summary>A basin's fill fell below its warning fraction minus the hysteresis margin; the value is the fill (0 to 1).</summary>
    public const string BasinBackToNormal = "basin-back-to-normal";
}
