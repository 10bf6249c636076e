namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>How neighbours within the distance band are weighted in Gi*.</summary>
public enum SpatialWeighting
{
    /// <summary>wᵢⱼ = 1 within the band, 0 beyond it (Getis and Ord 1992's distance band); wᵢᵢ = 1.</summary>
    Binary,

    /// <summary>wᵢⱼ = 1/dᵢⱼ (kilometres) within the band, 0 beyond it; wᵢᵢ = 1, our convention since 1/0 is undefined.</summary>
    InverseDistance,
}
