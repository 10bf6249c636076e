using UrbanSensing.Registry;

namespace UrbanSensing.Simulator.Sites;

/// <summary>The urban class, and so the simulated heat island, of a site in each local climate zone.</summary>
public static class UrbanClassification
{
    /// <summary>
    /// Compact built zones (1 to 3) are <see cref="UrbanClass.Dense"/>, the other built zones (4 to 10)
    /// <see cref="UrbanClass.Residential"/>, the land cover zones (A to G) <see cref="UrbanClass.Park"/>.
    /// </summary>
    /// <remarks>
    /// Stewart and Oke (2012) expect the warmest nights in the compact zones (close-set buildings, little sky seen
    /// from the street, little vegetation), less warming where building is open or sparse, and take the land cover
    /// zones as the rural baseline the heat island is measured from.
    /// </remarks>
    public static UrbanClass Of(LocalClimateZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!zone.IsBuilt)
        {
            return UrbanClass.Park;
        }

        return zone == LocalClimateZone.CompactHighRise || zone == LocalClimateZone.CompactMidrise || zone == LocalClimateZone.CompactLowRise
            ? UrbanClass.Dense
            : UrbanClass.Residential;
    }
}
