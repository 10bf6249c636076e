namespace UrbanSensing.Analytics.Heat;

/// <summary>Daily and nocturnal summaries of an hourly heat island series, on the local calendar.</summary>
/// <remarks>
/// An instance keeps the local time of the hours it has seen, so summarising many sites over the same range with one
/// instance converts each hour once; it is safe to share between threads.
/// </remarks>
public sealed class HeatIslandDays
{
    private readonly CalendarOptions _calendar;
    private readonly NightWindow _night;
    private readonly LocalHours _local;

    /// <param name="calendar">Time zone and missing-hour tolerance; Europe/Paris and 3 hours by default.</param>
    /// <param name="night">The local clock window counted as night; 21:00 to 06:00 by default.</param>
    public HeatIslandDays(CalendarOptions? calendar = null, NightWindow? night = null)
    {
        _calendar = calendar ?? new CalendarOptions();
        _calendar.Validate();
        _night = night ?? NightWindow.Default;
        _night.Validate(nameof(night));
        _local = new LocalHours(_calendar);
    }

    /// <summary>Daily mean intensity, ΔTmin and ΔTmax, for each day missing at most the allowed number of hours.</summary>
    public IReadOnlyList<DailyHeatIsland> Daily(IReadOnlyList<HourlyHeatIsland> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        _local.Cover(hourly);
        var days = new Dictionary<DateOnly, DayTotals>();
        DayTotals? current = null;
        foreach (var hour in hourly)
        {
            var date = _local.DayOf(hour.Hour);
            if (current?.Date != date && !days.TryGetValue(date, out current))
            {
                current = new DayTotals(date);
                days.Add(date, current);
            }

            current!.Add(hour);
        }

        return [.. days.Values
            .Where(day => day.Count >= _local.HoursIn(day.Date) - _calendar.MaximumMissingHoursPerDay)
            .OrderBy(day => day.Date)
            .Select(day => day.Summary())];
    }

    /// <summary>The largest hourly intensity of each night that has at least one hour in the series.</summary>
    public IReadOnlyList<NocturnalHeatIsland> Nocturnal(IReadOnlyList<HourlyHeatIsland> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        _local.Cover(hourly);
        var nights = new Dictionary<DateOnly, NightTotals>();
        NightTotals? current = null;
        foreach (var hour in hourly)
        {
            var timeOfDay = _local.TimeOfDay(hour.Hour);
            if (!_night.Contains(timeOfDay))
            {
                continue;
            }

            var day = _local.DayOf(hour.Hour);
            var night = _night.CrossesMidnight && timeOfDay < _night.End ? day.AddDays(-1) : day;
            if (current?.Night != night && !nights.TryGetValue(night, out current))
            {
                current = new NightTotals(night);
                nights.Add(night, current);
            }

            current!.Add(hour);
        }

        return [.. nights.Values.OrderBy(night => night.Night).Select(night => night.Summary())];
    }

    /// <summary>One night's hours in the order given: the first hour of the largest intensity, as <see cref="Enumerable.MaxBy{TSource, TKey}(IEnumerable{TSource}, Func{TSource, TKey})"/> picks it (NaN below every number).</summary>
    private sealed class NightTotals(DateOnly night)
    {
        private DateTimeOffset _strongestHour;
        private double _strongest;
        private int _hours;

        public DateOnly Night { get; } = night;

        public void Add(HourlyHeatIsland hour)
        {
            var intensity = hour.Intensity;
            if (_hours++ == 0 || intensity.CompareTo(_strongest) > 0)
            {
                (_strongestHour, _strongest) = (hour.Hour, intensity);
            }
        }

        public NocturnalHeatIsland Summary() => new(Night, _strongest, _strongestHour, _hours);
    }

    /// <summary>
    /// One day's hours in the order given: the sum of intensities for the mean, and the minima and maxima of both
    /// sets as <see cref="Enumerable.Min(IEnumerable{double})"/> and <see cref="Enumerable.Max(IEnumerable{double})"/>
    /// take them (a NaN is the minimum; the maximum skips NaNs).
    /// </summary>
    private sealed class DayTotals(DateOnly date)
    {
        private double _intensitySum;
        private double _urbanMinimum;
        private double _urbanMaximum;
        private double _referenceMinimum;
        private double _referenceMaximum;

        public DateOnly Date { get; } = date;

        public int Count { get; private set; }

        public void Add(HourlyHeatIsland hour)
        {
            _intensitySum += hour.Intensity;
            if (Count++ == 0)
            {
                (_urbanMinimum, _urbanMaximum, _referenceMinimum, _referenceMaximum) = (hour.Urban, hour.Urban, hour.Reference, hour.Reference);
                return;
            }

            _urbanMinimum = Minimum(_urbanMinimum, hour.Urban);
            _urbanMaximum = Maximum(_urbanMaximum, hour.Urban);
            _referenceMinimum = Minimum(_referenceMinimum, hour.Reference);
            _referenceMaximum = Maximum(_referenceMaximum, hour.Reference);
        }

        public DailyHeatIsland Summary() =>
            new(Date, _intensitySum / Count, _urbanMinimum - _referenceMinimum, _urbanMaximum - _referenceMaximum, Count);

        private static double Minimum(double sofar, double value) => double.IsNaN(sofar) || !(value < sofar || double.IsNaN(value)) ? sofar : value;

        private static double Maximum(double sofar, double value) => value > sofar || double.IsNaN(sofar) ? value : sofar;
    }
}
