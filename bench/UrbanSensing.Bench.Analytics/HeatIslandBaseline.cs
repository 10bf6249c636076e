using UrbanSensing.Registry;

namespace UrbanSensing.Bench.Analytics;

/// <summary>
/// The same heat island written as plain loops over <see cref="BenchCity.Celsius"/>, the yardstick the library is
/// measured against: each hour's mean of the reference sites that have it, each urban site's value minus it, and,
/// with <c>summaries</c>, what <c>analyze uhi</c> reports from that: per local day the mean intensity, ΔTmin and
/// ΔTmax (days missing at most 3 hours), per night (21:00 to 06:00) the largest intensity, and per zone and district
/// the mean over hours of the group's mean minus the reference mean.
/// </summary>
internal sealed class HeatIslandBaseline
{
    private const int MaximumMissingHoursPerDay = 3;
    private const int NightStarts = 21;
    private const int NightEnds = 6;

    private HeatIslandBaseline(double[]?[] intensity, DateOnly firstDay)
    {
        Intensity = intensity;
        FirstDay = firstDay;
    }

    /// <summary>Each site's hourly intensity, NaN where the site or every reference site lacks the hour; null for reference sites.</summary>
    public double[]?[] Intensity { get; }

    /// <summary>The local day of <see cref="BenchCity.Start"/>: day 0 of the daily arrays and night 1 of the nightly ones.</summary>
    public DateOnly FirstDay { get; }

    /// <summary>Per site and day: mean intensity, ΔTmin, ΔTmax; NaN for days missing too many hours.</summary>
    public (double Mean, double Minimum, double Maximum)[]?[] Daily { get; private set; } = [];

    /// <summary>Per site and night (index 0: the night before <see cref="FirstDay"/>): the largest intensity, NaN without hours.</summary>
    public double[]?[] Nightly { get; private set; } = [];

    public Dictionary<string, double> ByLcz { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> ByDistrict { get; } = new(StringComparer.Ordinal);

    public static HeatIslandBaseline Run(BenchCity city, TimeZoneInfo timeZone, bool summaries)
    {
        var celsius = city.Celsius;
        var sites = city.Registry.Sites;
        var hours = BenchCity.Hours;
        var reference = new double[hours];
        for (var hour = 0; hour < hours; hour++)
        {
            var (sum, count) = (0.0, 0);
            for (var site = 0; site < sites.Count; site++)
            {
                if (sites[site].IsReference && !double.IsNaN(celsius[site][hour]))
                {
                    sum += celsius[site][hour];
                    count++;
                }
            }

            reference[hour] = count == 0 ? double.NaN : sum / count;
        }

        var intensity = new double[]?[sites.Count];
        for (var site = 0; site < sites.Count; site++)
        {
            if (sites[site].IsReference)
            {
                continue;
            }

            var values = new double[hours];
            for (var hour = 0; hour < hours; hour++)
            {
                values[hour] = celsius[site][hour] - reference[hour];
            }

            intensity[site] = values;
        }

        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(BenchCity.Start, timeZone).DateTime);
        var baseline = new HeatIslandBaseline(intensity, firstDay);
        if (summaries)
        {
            baseline.Summarise(city, reference, timeZone);
        }

        return baseline;
    }

    private void Summarise(BenchCity city, double[] reference, TimeZoneInfo timeZone)
    {
        var sites = city.Registry.Sites;
        var hours = BenchCity.Hours;
        var dayOf = new int[hours];
        var nightOf = new int[hours];
        for (var hour = 0; hour < hours; hour++)
        {
            var local = TimeZoneInfo.ConvertTime(BenchCity.Start.AddHours(hour), timeZone).DateTime;
            dayOf[hour] = DateOnly.FromDateTime(local).DayNumber - FirstDay.DayNumber;
            nightOf[hour] = local.Hour >= NightStarts ? dayOf[hour] + 1 : local.Hour < NightEnds ? dayOf[hour] : -1;
        }

        var dayCount = dayOf[hours - 1] + 1;
        var hoursInDay = new int[dayCount];
        for (var day = 0; day < dayCount; day++)
        {
            var date = FirstDay.AddDays(day);
            var start = TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), timeZone);
            var end = TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), timeZone);
            hoursInDay[day] = (int)Math.Round((end - start).TotalHours);
        }

        Daily = new (double, double, double)[]?[sites.Count];
        Nightly = new double[]?[sites.Count];
        for (var site = 0; site < sites.Count; site++)
        {
            if (Intensity[site] is not { } intensity)
            {
                continue;
            }

            var celsius = city.Celsius[site];
            var sum = new double[dayCount];
            var count = new int[dayCount];
            var urbanMinimum = Filled(dayCount, double.PositiveInfinity);
            var urbanMaximum = Filled(dayCount, double.NegativeInfinity);
            var referenceMinimum = Filled(dayCount, double.PositiveInfinity);
            var referenceMaximum = Filled(dayCount, double.NegativeInfinity);
            var nightly = Filled(dayCount + 1, double.NaN);
            for (var hour = 0; hour < hours; hour++)
            {
                if (double.IsNaN(intensity[hour]))
                {
                    continue;
                }

                var day = dayOf[hour];
                sum[day] += intensity[hour];
                count[day]++;
                urbanMinimum[day] = Math.Min(urbanMinimum[day], celsius[hour]);
                urbanMaximum[day] = Math.Max(urbanMaximum[day], celsius[hour]);
                referenceMinimum[day] = Math.Min(referenceMinimum[day], reference[hour]);
                referenceMaximum[day] = Math.Max(referenceMaximum[day], reference[hour]);
                if (nightOf[hour] >= 0 && !(nightly[nightOf[hour]] >= intensity[hour]))
                {
                    nightly[nightOf[hour]] = intensity[hour];
                }
            }

            var daily = new (double, double, double)[dayCount];
            for (var day = 0; day < dayCount; day++)
            {
                daily[day] = count[day] >= hoursInDay[day] - MaximumMissingHoursPerDay
                    ? (sum[day] / count[day], urbanMinimum[day] - referenceMinimum[day], urbanMaximum[day] - referenceMaximum[day])
                    : (double.NaN, double.NaN, double.NaN);
            }

            Daily[site] = daily;
            Nightly[site] = nightly;
        }

        GroupMeans(city, reference, site => site.LocalClimateZone.Code, ByLcz);
        GroupMeans(city, reference, site => site.District, ByDistrict);
    }

    private static void GroupMeans(BenchCity city, double[] reference, Func<Site, string> groupOf, Dictionary<string, double> means)
    {
        var sites = city.Registry.Sites;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var site = 0; site < sites.Count; site++)
        {
            if (!sites[site].IsReference)
            {
                var group = groupOf(sites[site]);
                if (!groups.TryGetValue(group, out var members))
                {
                    members = [];
                    groups.Add(group, members);
                }

                members.Add(site);
            }
        }

        foreach (var (group, members) in groups)
        {
            var (total, counted) = (0.0, 0);
            for (var hour = 0; hour < BenchCity.Hours; hour++)
            {
                var (sum, count) = (0.0, 0);
                foreach (var site in members)
                {
                    var value = city.Celsius[site][hour];
                    if (!double.IsNaN(value))
                    {
                        sum += value;
                        count++;
                    }
                }

                if (count > 0 && !double.IsNaN(reference[hour]))
                {
                    total += (sum / count) - reference[hour];
                    counted++;
                }
            }

            means[group] = total / counted;
        }
    }

    private static double[] Filled(int length, double value)
    {
        var values = new double[length];
        Array.Fill(values, value);
        return values;
    }
}
