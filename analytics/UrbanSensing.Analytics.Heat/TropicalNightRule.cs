namespace UrbanSensing.Analytics.Heat;

/// <summary>Whether a daily minimum exactly at the threshold makes a tropical night.</summary>
public enum TropicalNightRule
{
    /// <summary>
    /// Tmin ≥ 20 °C: Météo-France's usage, a night in which the temperature does not fall below 20 °C. Météo-France's
    /// forecasters call it an informal definition; it is the default here, for a French network.
    /// </summary>
    AtOrAbove,

    /// <summary>
    /// Tmin &gt; 20 °C: the index TR of the ETCCDI list of 27 climate indices (Karl, Nicholls and Ghazi 1999;
    /// Klein Tank, Zwiers and Zhang 2009, WMO-TD No. 1500), also ECA&amp;D's and CDO's eca_tr.
    /// </summary>
    StrictlyAbove,
}
