namespace UrbanSensing.Analytics.Rain;

/// <summary>Antecedent moisture (runoff) condition of the curve-number method.</summary>
public enum AntecedentMoistureCondition
{
    /// <summary>AMC I: dry.</summary>
    Dry = 1,

    /// <summary>AMC II: average; the condition of the tabulated curve numbers.</summary>
    Average = 2,

    /// <summary>AMC III: wet, near saturation.</summary>
    Wet = 3,
}
