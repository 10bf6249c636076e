namespace UrbanSensing.Analytics.Reports;

/// <summary>How <see cref="Analyses.RainAsync"/> reads the gauges and separates events.</summary>
/// <param name="MillimetresPerTip">The gauges' bucket resolution (the simulated gauges': 0.2 mm).</param>
/// <param name="MinimumInterEventTime">The dry gap at least which separates two events (6 h by default).</param>
/// <param name="CurveNumber">SCS curve number (AMC II, λ = 0.2) of the surface drained, for each event's runoff depth; none when null.</param>
public sealed record RainParameters(double MillimetresPerTip, TimeSpan MinimumInterEventTime, double? CurveNumber)
{
    public static RainParameters Default { get; } = new(0.2, TimeSpan.FromHours(6), null);
}
