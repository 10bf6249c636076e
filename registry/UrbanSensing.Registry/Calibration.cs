namespace UrbanSensing.Registry;

/// <summary>
/// The linear correction of one quantity of one sensor, in the quantity's unit: corrected = raw × factor + offset.
/// </summary>
public sealed record Calibration
{
    public Calibration(double factor, double offset, string? note = null)
    {
        if (!double.IsFinite(factor) || factor == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "A calibration factor is a finite number other than zero.");
        }

        if (!double.IsFinite(offset))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A calibration offset is a finite number.");
        }

        Factor = factor;
        Offset = offset;
        Note = note;
    }

    /// <summary>Leaves values as they are: the calibration of a quantity the registry gives none for.</summary>
    public static Calibration Identity { get; } = new(1, 0);

    public double Factor { get; }

    /// <summary>Added after the factor is applied, in the quantity's unit.</summary>
    public double Offset { get; }

    /// <summary>Where the correction comes from (a co-location, a laboratory check), for whoever revises it.</summary>
    public string? Note { get; }

    public double Apply(double raw) => (raw * Factor) + Offset;
}
