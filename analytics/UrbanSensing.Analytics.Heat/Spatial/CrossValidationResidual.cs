namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>A station's value, estimated from the other stations, and the error: estimate minus value.</summary>
public sealed record CrossValidationResidual(Station Station, double Estimate)
{
    public double Error => Estimate - Station.Value;
}
