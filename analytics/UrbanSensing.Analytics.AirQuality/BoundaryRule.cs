namespace UrbanSensing.Analytics.AirQuality;

/// <summary>Which band a concentration exactly on a bound belongs to; each table states the rule of its source.</summary>
public enum BoundaryRule
{
    /// <summary>A band holds its upper bound: <c>from &lt; c ≤ to</c> (the first band also holds 0).</summary>
    UpperBoundInclusive = 1,

    /// <summary>A band holds its lower bound: <c>from ≤ c &lt; to</c>.</summary>
    LowerBoundInclusive = 2,
}
