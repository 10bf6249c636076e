namespace UrbanSensing.Analytics.Rain;

/// <summary>The drawdown (emptying by infiltration and outflow) measured on the falling limb after an event.</summary>
/// <param name="RateMmPerHour">The fall of the level, mm/h, from the least-squares slope of level against time (positive when falling).</param>
/// <param name="RatioToDesign">Measured over design rate: below 1 the basin empties slower than designed (clogging, saturated soil).</param>
/// <param name="RSquared">Coefficient of determination of the linear fit, 0 to 1: how straight the limb is.</param>
/// <param name="PointsUsed">Readings on the falling limb, peak to lowest level.</param>
public sealed record DrawdownResult(
    double RateMmPerHour,
    double DesignRateMmPerHour,
    double RatioToDesign,
    double RSquared,
    DateTimeOffset LimbStart,
    DateTimeOffset LimbEnd,
    int PointsUsed);
