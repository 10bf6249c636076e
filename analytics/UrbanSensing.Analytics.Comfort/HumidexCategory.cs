namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// Environment Canada's humidex comfort ranges, which it publishes on whole numbers: less than 29 no discomfort (the
/// current canada.ca page says 20 to 29, little discomfort), 30 to 39 some discomfort, 40 to 45 great discomfort,
/// avoid exertion, above 45 dangerous, heat stroke possible, and — in Environment Canada's older guide, still quoted
/// by the Canadian Centre for Occupational Health and Safety — above 54 heat stroke imminent. The value is rounded
/// to the nearest whole number (halves away from zero), as Environment Canada reports it, before it is banded, which
/// closes the gaps between the published ranges: 29.4 is little discomfort, 29.5 some discomfort, 45.4 great
/// discomfort, 45.5 dangerous, 54.4 dangerous, 54.5 heat stroke imminent.
/// </summary>
public enum HumidexCategory
{
    /// <summary>Up to 29: little or no discomfort.</summary>
    LittleOrNoDiscomfort,

    /// <summary>30 to 39: some discomfort.</summary>
    SomeDiscomfort,

    /// <summary>40 to 45: great discomfort; avoid exertion.</summary>
    GreatDiscomfort,

    /// <summary>46 to 54: dangerous; heat stroke possible.</summary>
    Dangerous,

    /// <summary>55 and above (above 54): heat stroke imminent.</summary>
    HeatStrokeImminent,
}
