namespace UrbanSensing.Analytics.Heat;

/// <summary>Météo-France's biometeorological indicators of a day: 3-day means of the daily minima (IBMn) and maxima (IBMx), °C.</summary>
public sealed record BiometeorologicalIndicator(DateOnly Date, double Ibmn, double Ibmx);
