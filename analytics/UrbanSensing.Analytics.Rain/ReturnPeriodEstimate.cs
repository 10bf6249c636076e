namespace UrbanSensing.Analytics.Rain;

/// <summary>The return period of an observed intensity over one duration, or why there is none.</summary>
/// <param name="Years">The interpolated return period; null unless <see cref="Status"/> is <see cref="ReturnPeriodStatus.Interpolated"/>.</param>
/// <param name="BoundYears">T_min for <see cref="ReturnPeriodStatus.BelowMinimum"/>, T_max for <see cref="ReturnPeriodStatus.AboveMaximum"/>, otherwise null.</param>
public sealed record ReturnPeriodEstimate(ReturnPeriodStatus Status, double? Years, double? BoundYears)
{
    public override string ToString() => Status switch
    {
        ReturnPeriodStatus.Interpolated => $"T ≈ {Years:0.#} years",
        ReturnPeriodStatus.BelowMinimum => $"below T_min = {BoundYears:0.#} years",
        ReturnPeriodStatus.AboveMaximum => $"above T_max = {BoundYears:0.#} years",
        _ => "duration outside the fitted durations",
    };
}
