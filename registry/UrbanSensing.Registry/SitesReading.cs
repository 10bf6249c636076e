namespace UrbanSensing.Registry;

/// <summary>What the sites file yields for the devices file to refer to.</summary>
/// <param name="Sites">The valid sites.</param>
/// <param name="DeclaredIds">
/// The ids of every feature with a valid id, including features with other errors, so that a device standing at
/// such a site is not reported for an unknown site as well.
/// </param>
internal sealed record SitesReading(IReadOnlyList<Site> Sites, IReadOnlySet<string> DeclaredIds);
