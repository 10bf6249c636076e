namespace UrbanSensing.Analytics.AirQuality;

/// <summary>An air-quality index; which revision of its bands applies is the version of its embedded table.</summary>
public enum AirQualityScheme
{
    /// <summary>The European Environment Agency's European Air Quality Index (Good … Extremely poor).</summary>
    EuropeanAirQualityIndex = 1,

    /// <summary>France's ATMO index, arrêté du 10 juillet 2020 (Bon … Extrêmement mauvais).</summary>
    Atmo = 2,
}
