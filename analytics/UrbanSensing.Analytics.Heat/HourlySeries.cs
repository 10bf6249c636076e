using System.Buffers;

namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// The air temperature of one site hour by hour: readings taken more often are averaged over each hour. Hours are
/// UTC hours, which are also local hours in every time zone whose offset is a whole number of hours (Europe/Paris).
/// </summary>
public sealed class HourlySeries
{
    private readonly TemperatureReading[] _hours;

    private HourlySeries(TemperatureReading[] hours) => _hours = hours;

    /// <summary>The hourly means in time order, each stamped with the UTC instant its hour starts.</summary>
    public IReadOnlyList<TemperatureReading> Hours => _hours;

    /// <summary>The same hours as an array, for the library's own loops; never handed out.</summary>
    internal ReadOnlySpan<TemperatureReading> HourSpan => _hours;

    /// <exception cref="ArgumentException">A reading is NaN or infinite.</exception>
    public static HourlySeries FromReadings(IEnumerable<TemperatureReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);

        // Readings usually come in time order (a store's answer): each hour is then summed as a run, and the runs go
        // into a pooled buffer. The first reading out of order moves the runs so far into a sorted dictionary, which
        // takes the rest. Either way each hour's readings are summed in the order given.
        var runs = ArrayPool<HourRun>.Shared.Rent(readings.TryGetNonEnumeratedCount(out var count) ? Math.Max(count, 1) : 1024);
        var finished = 0;
        var run = new HourRun(long.MinValue, 0, 0);
        SortedDictionary<long, HourRun>? unordered = null;
        try
        {
            foreach (var reading in readings)
            {
                if (!double.IsFinite(reading.Celsius))
                {
                    throw new ArgumentException($"The reading at {reading.Time:O} is {reading.Celsius}; temperatures must be finite numbers of degrees Celsius.", nameof(readings));
                }

                var hour = HourStartTicks(reading.Time);
                if (unordered is not null)
                {
                    unordered[hour] = unordered.GetValueOrDefault(hour, new HourRun(hour, 0, 0)).Add(reading.Celsius);
                }
                else if (run.Count > 0 && hour == run.Hour)
                {
                    run = run.Add(reading.Celsius);
                }
                else if (run.Count == 0 || hour > run.Hour)
                {
                    if (run.Count > 0)
                    {
                        Append(ref runs, ref finished, run);
                    }

                    run = new HourRun(hour, reading.Celsius, 1);
                }
                else
                {
                    unordered = new SortedDictionary<long, HourRun> { [run.Hour] = run };
                    foreach (var earlier in runs.AsSpan(0, finished))
                    {
                        unordered.Add(earlier.Hour, earlier);
                    }

                    unordered[hour] = unordered.GetValueOrDefault(hour, new HourRun(hour, 0, 0)).Add(reading.Celsius);
                }
            }

            if (unordered is not null)
            {
                return new HourlySeries([.. unordered.Values.Select(hour => hour.Mean())]);
            }

            if (run.Count > 0)
            {
                Append(ref runs, ref finished, run);
            }

            var hours = new TemperatureReading[finished];
            for (var index = 0; index < finished; index++)
            {
                hours[index] = runs[index].Mean();
            }

            return new HourlySeries(hours);
        }
        finally
        {
            ArrayPool<HourRun>.Shared.Return(runs);
        }
    }

    /// <summary>The UTC instant the hour holding <paramref name="instant"/> starts.</summary>
    public static DateTimeOffset HourStart(DateTimeOffset instant) => new(HourStartTicks(instant), TimeSpan.Zero);

    /// <summary>The mean temperature of the hour that starts at <paramref name="hourStart"/>, when the series has it.</summary>
    public bool TryGetHour(DateTimeOffset hourStart, out double celsius)
    {
        var index = IndexOf(hourStart.UtcTicks);
        celsius = index >= 0 ? _hours[index].Celsius : default;
        return index >= 0;
    }

    private int IndexOf(long utcTicks)
    {
        var (low, high) = (0, _hours.Length - 1);
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var ticks = _hours[middle].Time.UtcTicks;
            if (ticks == utcTicks)
            {
                return middle;
            }

            (low, high) = ticks < utcTicks ? (middle + 1, high) : (low, middle - 1);
        }

        return -1;
    }

    private static long HourStartTicks(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return ticks - (ticks % TimeSpan.TicksPerHour);
    }

    private static void Append(ref HourRun[] runs, ref int count, HourRun run)
    {
        if (count == runs.Length)
        {
            var larger = ArrayPool<HourRun>.Shared.Rent(runs.Length * 2);
            runs.AsSpan().CopyTo(larger);
            ArrayPool<HourRun>.Shared.Return(runs);
            runs = larger;
        }

        runs[count++] = run;
    }

    /// <summary>The readings of one hour so far: the UTC ticks the hour starts at, their sum and how many.</summary>
    private readonly record struct HourRun(long Hour, double Sum, int Count)
    {
        public HourRun Add(double celsius) => new(Hour, Sum + celsius, Count + 1);

        public TemperatureReading Mean() => new(new DateTimeOffset(Hour, TimeSpan.Zero), Sum / Count);
    }
}
