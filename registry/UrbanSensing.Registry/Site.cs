namespace UrbanSensing.Registry;

/// <summary>A place where devices stand: one feature of <c>sites.geojson</c>.</summary>
/// <param name="Id">Identifier devices refer to and readings are tagged with.</param>
/// <param name="Name">What a person reads on a map.</param>
/// <param name="District">The quartier of Lille, or the commune, the site lies in; readings are tagged with it.</param>
/// <param name="Latitude">WGS84 latitude, degrees north.</param>
/// <param name="Longitude">WGS84 longitude, degrees east.</param>
/// <param name="Elevation">Height in metres the GeoJSON position gives as its third coordinate, when it has one.</param>
/// <param name="LocalClimateZone">The local climate zone the site lies in; readings are tagged with its code.</param>
/// <param name="HeightAboveGround">Mounting height of the sensors above the ground, in metres.</param>
/// <param name="Surroundings">What lies around the sensors, in words: it explains readings that differ from the zone's.</param>
/// <param name="IsReference">A rural or park site that urban sites are compared with to measure the heat island.</param>
public sealed record Site(
    string Id,
    string Name,
    string District,
    double Latitude,
    double Longitude,
    double? Elevation,
    LocalClimateZone LocalClimateZone,
    double HeightAboveGround,
    string? Surroundings,
    bool IsReference);
