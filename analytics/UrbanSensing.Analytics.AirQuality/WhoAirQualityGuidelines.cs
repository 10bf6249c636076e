namespace UrbanSensing.Analytics.AirQuality;

/// <summary>The WHO global air quality guidelines (2021) and the count of a series' exceedances of the short-term ones.</summary>
public static class WhoAirQualityGuidelines
{
    /// <summary>The embedded guideline table, read and validated once.</summary>
    /// <exception cref="BandTableException">The embedded table is invalid.</exception>
    public static WhoGuidelineTable Table => EmbeddedTables.Who;

    /// <summary>
    /// Counts the days of a series above the pollutant's short-term guideline: daily means for PM2.5, PM10 and NO2
    /// (<see cref="Averaging.DailyMeans"/>), daily maximum 8-hour means for O3 (<see cref="Averaging.DailyMaxima8HourMeans"/>).
    /// </summary>
    /// <param name="dailyValues">One value per day, in µg/m³, as the short-term guideline's averaging period defines it; typically a calendar year.</param>
    /// <exception cref="ArgumentOutOfRangeException">The WHO sets no short-term guideline for the pollutant, or a value is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">A day appears twice.</exception>
    public static ExceedanceSummary CountExceedances(Pollutant pollutant, IEnumerable<DailyValue> dailyValues)
    {
        ArgumentNullException.ThrowIfNull(dailyValues);
        var guideline = Table.Guidelines.FirstOrDefault(candidate => candidate.Pollutant == pollutant && candidate.IsShortTerm)
            ?? throw new ArgumentOutOfRangeException(
                nameof(pollutant),
                pollutant,
                $"The WHO sets no short-term guideline for it; allowed values: {string.Join(", ", Table.Guidelines.Where(candidate => candidate.IsShortTerm).Select(candidate => candidate.Pollutant).Distinct())}.");

        var days = new HashSet<DateOnly>();
        var exceedances = 0;
        foreach (var value in dailyValues)
        {
            Concentration.EnsureValid(value.Value, nameof(dailyValues));
            if (!days.Add(value.Day))
            {
                throw new ArgumentException($"{value.Day:yyyy-MM-dd} appears twice; a daily series has one value per day.", nameof(dailyValues));
            }

            if (value.Value > guideline.Level)
            {
                exceedances++;
            }
        }

        var rank = (int)Math.Ceiling((decimal)guideline.Percentile!.Value * days.Count / 100m);
        return new ExceedanceSummary(guideline, days.Count, exceedances, days.Count - rank);
    }
}
