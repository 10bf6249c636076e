namespace UrbanSensing.Analytics.AirQuality;

/// <summary>The pollutants the indices rate, all as mass concentrations in µg/m³.</summary>
public enum Pollutant
{
    /// <summary>Particulate matter of aerodynamic diameter up to 2.5 µm.</summary>
    Pm25 = 1,

    /// <summary>Particulate matter of aerodynamic diameter up to 10 µm.</summary>
    Pm10 = 2,

    /// <summary>Nitrogen dioxide.</summary>
    No2 = 3,

    /// <summary>Ozone.</summary>
    O3 = 4,

    /// <summary>Sulphur dioxide.</summary>
    So2 = 5,
}
