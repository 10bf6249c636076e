namespace UrbanSensing.Analytics.Rain;

/// <summary>What could be said about the return period of an observed intensity.</summary>
public enum ReturnPeriodStatus
{
    /// <summary>Between the smallest and largest fitted return periods: interpolated in ln T.</summary>
    Interpolated,

    /// <summary>Less intense than the smallest fitted return period: T is below T_min, and no number is made up.</summary>
    BelowMinimum,

    /// <summary>More intense than the largest fitted return period: T is above T_max, and no number is made up.</summary>
    AboveMaximum,

    /// <summary>No fit covers the duration: the station's coefficients say nothing about it.</summary>
    DurationNotFitted,
}
