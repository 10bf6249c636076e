namespace UrbanSensing.Analytics.Heat.Spatial;

public enum HotSpotClass
{
    NotSignificant,

    /// <summary>Significant and z &gt; 0: high values cluster around the station.</summary>
    Hot,

    /// <summary>Significant and z &lt; 0: low values cluster around the station.</summary>
    Cold,
}
