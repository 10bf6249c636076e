namespace UrbanSensing.Analytics.Rain;

/// <summary>The initial abstraction Ia = λ S of the SCS curve-number method.</summary>
public enum InitialAbstraction
{
    /// <summary>λ = 0.20 with S = 25400/CN − 254 (TR-55 eq. 2-2; the CN tables assume it).</summary>
    Lambda020,

    /// <summary>λ = 0.05 with S = 25400/CN − 254, for a CN already calibrated with λ = 0.05.</summary>
    Lambda005,

    /// <summary>
    /// λ = 0.05 for a CN from the usual λ = 0.20 tables: S is converted first with Hawkins et al. (2002),
    /// S₀.₀₅ = 1.33 · S₀.₂₀^1.15 (S in inches; applied here through mm = 25.4 in).
    /// </summary>
    Lambda005ConvertedHawkins2002,
}
