namespace UrbanSensing.Simulator.Sites;

/// <summary>How built-up a site is; it sets the strength of the simulated urban heat island.</summary>
public enum UrbanClass
{
    /// <summary>Continuous old town fabric: brick, stone, narrow streets, little vegetation.</summary>
    Dense,

    /// <summary>Terraced houses with yards and gardens, wider streets.</summary>
    Residential,

    /// <summary>A large park: the rural-like reference the heat island is measured against.</summary>
    Park,
}
