using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Quality.Series;

/// <summary>Flags values outside the physical range of the quantity; both limits are allowed values.</summary>
public sealed class RangeCheck
{
    public RangeCheck(double minimum, double maximum)
    {
        if (!double.IsFinite(minimum))
        {
            throw new ArgumentOutOfRangeException(nameof(minimum), minimum, "Must be a finite number.");
        }

        if (!double.IsFinite(maximum) || maximum < minimum)
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), maximum, $"Must be a finite number of at least the minimum, {minimum}.");
        }

        Minimum = minimum;
        Maximum = maximum;
    }

    public double Minimum { get; }

    public double Maximum { get; }

    /// <summary>The range a working sensor can report, as the protocol's catalogue of quantities gives it.</summary>
    public static RangeCheck For(Quantity quantity)
    {
        ArgumentNullException.ThrowIfNull(quantity);
        return new RangeCheck(quantity.PlausibleMinimum, quantity.PlausibleMaximum);
    }

    /// <exception cref="ArgumentException">A value is not finite, or timestamps are not strictly increasing.</exception>
    public IReadOnlyList<QcResult> Check(IReadOnlyList<SeriesReading> readings)
    {
        SeriesInput.Validate(readings, nameof(readings));
        var results = new QcResult[readings.Count];
        for (var i = 0; i < readings.Count; i++)
        {
            var value = readings[i].Value;
            results[i] = new QcResult(value < Minimum || value > Maximum ? QualityFlags.OutOfRange : QualityFlags.None);
        }

        return results;
    }
}
