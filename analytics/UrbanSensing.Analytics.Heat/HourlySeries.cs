namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// The air temperature of one site hour by hour: readings taken more often are averaged over each hour. Hours are
/// UTC hours, which are also local hours in every time zone whose offset is a whole number of hours (Europe/Paris).
/// </summary>
public sealed class HourlySeries
{
    private readonly Dictionary<DateTimeOffset, double> _byHour;

    private HourlySeries(TemperatureReading[] hours)
    {
        Hours = hours;
        _byHour = hours.ToDictionary(hour => hour.Time, hour => hour.Celsius);
    }

    /// <summary>The hourly means in time order, each stamped with the UTC instant its hour starts.</summary>
    public IReadOnlyList<TemperatureReading> Hours { get; }

    /// <exception cref="ArgumentException">A reading is NaN or infinite.</exception>
    public static HourlySeries FromReadings(IEnumerable<TemperatureReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var sums = new SortedDictionary<DateTimeOffset, (double Sum, int Count)>();
        foreach (var reading in readings)
        {
            if (!double.IsFinite(reading.Celsius))
            {
                throw new ArgumentException($"The reading at {reading.Time:O} is {reading.Celsius}; temperatures must be finite numbers of degrees Celsius.", nameof(readings));
            }

            var hour = HourStart(reading.Time);
            var (sum, count) = sums.GetValueOrDefault(hour);
            sums[hour] = (sum + reading.Celsius, count + 1);
        }

        return new HourlySeries([.. sums.Select(pair => new TemperatureReading(pair.Key, pair.Value.Sum / pair.Value.Count))]);
    }

    /// <summary>The UTC instant the hour holding <paramref name="instant"/> starts.</summary>
    public static DateTimeOffset HourStart(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerHour), TimeSpan.Zero);
    }

    /// <summary>The mean temperature of the hour that starts at <paramref name="hourStart"/>, when the series has it.</summary>
    public bool TryGetHour(DateTimeOffset hourStart, out double celsius) => _byHour.TryGetValue(hourStart, out celsius);
}
