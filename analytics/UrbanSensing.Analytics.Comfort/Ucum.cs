namespace UrbanSensing.Analytics.Comfort;

/// <summary>The UCUM codes of the units the results carry, as SenML writes them on the wire.</summary>
internal static class Ucum
{
    public const string Celsius = "Cel";
}
