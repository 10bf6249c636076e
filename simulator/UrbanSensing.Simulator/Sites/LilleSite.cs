namespace UrbanSensing.Simulator.Sites;

/// <summary>A place in Lille where simulated devices stand.</summary>
/// <param name="Id">Identifier used as the device's site in its status.</param>
/// <param name="Name">What a person reads on a map.</param>
/// <param name="District">The Lille quartier (or associated commune) it lies in.</param>
/// <param name="Latitude">WGS84 latitude, degrees north.</param>
/// <param name="Longitude">WGS84 longitude, degrees east.</param>
public sealed record LilleSite(string Id, string Name, string District, double Latitude, double Longitude, UrbanClass UrbanClass);
