namespace UrbanSensing.Simulator.Sites;

/// <summary>
/// How built-up a site is; it sets the strength of the simulated urban heat island.
/// <see cref="UrbanClassification.Of"/> derives it from the site's local climate zone.
/// </summary>
public enum UrbanClass
{
    /// <summary>Compact fabric (local climate zones 1 to 3): brick, stone, narrow streets, little vegetation.</summary>
    Dense,

    /// <summary>Open or otherwise built fabric (zones 4 to 10): buildings with yards, gardens and wider streets between them.</summary>
    Residential,

    /// <summary>Land cover (zones A to G), a park or the open country: the reference the heat island is measured against.</summary>
    Park,
}
