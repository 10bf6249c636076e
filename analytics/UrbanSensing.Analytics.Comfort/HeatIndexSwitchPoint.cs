namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// When the heat index leaves Steadman's simple formula for Rothfusz's regression. Sources differ; the NWS page
/// "The Heat Index Equation" (wpc.ncep.noaa.gov/html/heatindex_equation.shtml) is the default.
/// </summary>
public enum HeatIndexSwitchPoint
{
    /// <summary>
    /// The NWS procedure: compute the simple formula, average it with the air temperature, and use the regression
    /// (with its adjustments) when that average is 80 °F or more.
    /// </summary>
    SimpleAveragedWithTemperature,

    /// <summary>Use the regression whenever the air temperature itself is 80 °F or more, as some implementations do.</summary>
    AirTemperature,
}
