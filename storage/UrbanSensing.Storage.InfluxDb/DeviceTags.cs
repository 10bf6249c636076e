namespace UrbanSensing.Storage.InfluxDb;

/// <summary>Where a device stands, written as tags on every point of the device so queries can group by place.</summary>
/// <remarks>
/// Tags are part of a point's identity in InfluxDB: a device must keep the same tags for as long as its readings can
/// be redelivered, or a redelivered reading becomes a second point instead of overwriting the first.
/// </remarks>
/// <param name="Site">The site the device is installed at.</param>
/// <param name="District">The district of the city.</param>
/// <param name="LocalClimateZone">The local climate zone (Stewart and Oke, 2012) of the site, for example <c>LCZ 2</c>.</param>
public sealed record DeviceTags(string? Site, string? District, string? LocalClimateZone);
