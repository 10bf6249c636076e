namespace UrbanSensing.Analytics.Comfort;

/// <summary>
/// The ten UTCI assessment-scale categories (Błażejczyk, K., Jendritzky, G., Bröde, P. et al., 2013: "An
/// introduction to the Universal Thermal Climate Index (UTCI)", Geographia Polonica 86(1), 5–10; utci.org): above
/// +46 °C extreme heat stress, +38 to +46 very strong, +32 to +38 strong, +26 to +32 moderate heat stress, +9 to
/// +26 no thermal stress, 0 to +9 slight cold stress, −13 to 0 moderate, −27 to −13 strong, −40 to −27 very strong
/// cold stress, below −40 extreme cold stress. The scale gives "above 46" and "below −40" at its ends; the shared
/// limits in between are given here to the less stressful band, so that every band opens away from the neutral
/// one: 26 and 9 are no thermal stress, 32 is moderate heat stress, 46 very strong heat stress, 0 slight cold
/// stress, −40 very strong cold stress.
/// </summary>
public enum UtciStressCategory
{
    /// <summary>Below −40 °C.</summary>
    ExtremeColdStress,

    /// <summary>−40 °C to below −27 °C.</summary>
    VeryStrongColdStress,

    /// <summary>−27 °C to below −13 °C.</summary>
    StrongColdStress,

    /// <summary>−13 °C to below 0 °C.</summary>
    ModerateColdStress,

    /// <summary>0 °C to below 9 °C.</summary>
    SlightColdStress,

    /// <summary>9 °C to 26 °C.</summary>
    NoThermalStress,

    /// <summary>Above 26 °C to 32 °C.</summary>
    ModerateHeatStress,

    /// <summary>Above 32 °C to 38 °C.</summary>
    StrongHeatStress,

    /// <summary>Above 38 °C to 46 °C.</summary>
    VeryStrongHeatStress,

    /// <summary>Above 46 °C.</summary>
    ExtremeHeatStress,
}
