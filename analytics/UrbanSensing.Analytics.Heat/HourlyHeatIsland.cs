namespace UrbanSensing.Analytics.Heat;

/// <summary>The heat island of one hour: the mean of the urban sites minus the mean of the reference sites.</summary>
/// <param name="Hour">The UTC instant the hour starts.</param>
/// <param name="Urban">Mean hourly temperature of the urban sites that have the hour, °C.</param>
/// <param name="Reference">Mean hourly temperature of the reference sites that have the hour, °C.</param>
public sealed record HourlyHeatIsland(DateTimeOffset Hour, double Urban, double Reference)
{
    /// <summary>Urban minus reference, in kelvin (°C difference).</summary>
    public double Intensity => Urban - Reference;
}
