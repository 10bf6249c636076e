namespace UrbanSensing.Analytics.Comfort;

/// <summary>Refuses inputs outside the domain of a formula, naming the parameter and the range it accepts.</summary>
internal static class InputGuard
{
    public static void Finite(double value, string parameterName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"{parameterName} must be a finite number.");
        }
    }

    public static void Within(double value, double minimum, double maximum, string unit, string parameterName)
    {
        if (!double.IsFinite(value) || value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                value,
                FormattableString.Invariant($"{parameterName} must be between {minimum} and {maximum} {unit}."));
        }
    }

    public static void RelativeHumidity(double value, string parameterName) =>
        Within(value, 0, 100, "%", parameterName);

    /// <summary>Relative humidity for formulas that take its logarithm, where 0 % has no answer.</summary>
    public static void PositiveRelativeHumidity(double value, string parameterName)
    {
        if (!double.IsFinite(value) || value <= 0 || value > 100)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, value, $"{parameterName} must be greater than 0 and at most 100 %.");
        }
    }

    public static void WindSpeed(double value, string parameterName)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, value, $"{parameterName} must be a finite speed of 0 m/s or more.");
        }
    }
}
