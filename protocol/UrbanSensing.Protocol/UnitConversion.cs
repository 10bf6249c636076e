namespace UrbanSensing.Protocol;

/// <summary>
/// How a value sent in <see cref="Unit"/> becomes a value in <see cref="CanonicalUnit"/>:
/// canonical = value × <see cref="Scale"/> + <see cref="Offset"/>, the form of RFC 8798's secondary units table.
/// </summary>
public sealed record UnitConversion(string Unit, string CanonicalUnit, decimal Scale, decimal Offset)
{
    /// <summary>Beyond this the decimal product could overflow; such a value is far outside every plausible range.</summary>
    private const double DecimalLimit = 1e15;

    public bool IsIdentity => Scale == 1 && Offset == 0;

    /// <summary>
    /// The value in the canonical unit. Scale and offset are exact decimals, and the arithmetic is done in decimal
    /// so that 297.15 K gives 24 Cel and 1013.2 hPa gives 101320 Pa, not 23.999999999999996 and 101319.99999999999.
    /// </summary>
    public double Apply(double value)
    {
        if (IsIdentity)
        {
            return value;
        }

        return Math.Abs(value) < DecimalLimit
            ? (double)(((decimal)value * Scale) + Offset)
            : (value * (double)Scale) + (double)Offset;
    }
}
