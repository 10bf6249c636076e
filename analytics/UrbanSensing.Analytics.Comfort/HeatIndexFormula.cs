namespace UrbanSensing.Analytics.Comfort;

/// <summary>Which of the NWS heat index formulas produced a value.</summary>
public enum HeatIndexFormula
{
    /// <summary>Steadman's simple formula, HI = 0.5 × (T + 61 + 1.2 (T − 68) + 0.094 RH), in °F.</summary>
    Simple,

    /// <summary>Rothfusz's regression (NWS Technical Attachment SR 90-23), with the NWS adjustments where they apply.</summary>
    Rothfusz,
}
