namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// The U.S. National Weather Service heat index classification, in °F as the NWS publishes it ("What is the heat
/// index?", weather.gov/ama/heatindex): Caution 80–90 °F, Extreme Caution 90–103 °F, Danger 103–124 °F, Extreme
/// Danger 125 °F or higher. The published bands share their end points (90, 103) and leave 124–125 open; here each
/// band includes its lower end and runs up to the next band's lower end, so 90 °F is Extreme Caution, 103 °F is
/// Danger and 124.5 °F is still Danger. Older NWS charts used other limits (Danger 105–129, Extreme Danger ≥ 130).
/// </summary>
public enum HeatIndexCategory
{
    /// <summary>Below 80 °F (26.7 °C).</summary>
    None,

    /// <summary>80 °F to below 90 °F: fatigue possible with prolonged exposure and/or physical activity.</summary>
    Caution,

    /// <summary>90 °F to below 103 °F: heat stroke, heat cramps or heat exhaustion possible.</summary>
    ExtremeCaution,

    /// <summary>103 °F to below 125 °F: heat cramps or heat exhaustion likely, heat stroke possible.</summary>
    Danger,

    /// <summary>125 °F (51.7 °C) or higher: heat stroke highly likely.</summary>
    ExtremeDanger,
}
