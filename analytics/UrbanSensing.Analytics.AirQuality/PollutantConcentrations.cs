namespace UrbanSensing.Analytics.AirQuality;

/// <summary>
/// The concentrations (µg/m³) to rate, each already averaged the way the scheme's table says
/// (<see cref="PollutantBands.Averaging"/>); a pollutant left null is not measured and takes no part.
/// </summary>
/// <example><c>new PollutantConcentrations { Pm25 = 12.4, No2 = 38 }</c></example>
public sealed class PollutantConcentrations
{
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double? Pm25 { get; init => field = Checked(value, nameof(Pm25)); }

    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double? Pm10 { get; init => field = Checked(value, nameof(Pm10)); }

    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double? No2 { get; init => field = Checked(value, nameof(No2)); }

    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double? O3 { get; init => field = Checked(value, nameof(O3)); }

    /// <exception cref="ArgumentOutOfRangeException">The value is negative, NaN or infinite.</exception>
    public double? So2 { get; init => field = Checked(value, nameof(So2)); }

    /// <exception cref="ArgumentOutOfRangeException">The pollutant is not one of <see cref="Pollutant"/>.</exception>
    public double? this[Pollutant pollutant] => pollutant switch
    {
        Pollutant.Pm25 => Pm25,
        Pollutant.Pm10 => Pm10,
        Pollutant.No2 => No2,
        Pollutant.O3 => O3,
        Pollutant.So2 => So2,
        _ => throw new ArgumentOutOfRangeException(
            nameof(pollutant),
            pollutant,
            $"Unknown pollutant; allowed values: {string.Join(", ", Enum.GetNames<Pollutant>())}."),
    };

    private static double? Checked(double? value, string propertyName) =>
        value is { } concentration ? Concentration.EnsureValid(concentration, propertyName) : null;
}
