namespace UrbanSensing.Protocol;

/// <summary>The part of the urban environment a quantity describes; InfluxDB measurements follow it.</summary>
public enum Domain
{
    Air,
    Water,
    Rain,
    Surface,
}
