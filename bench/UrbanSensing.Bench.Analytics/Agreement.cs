using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Analytics.Reports;

namespace UrbanSensing.Bench.Analytics;

/// <summary>
/// Checks that the library and its baseline computed the same thing, so that a ratio compares equal work: the same
/// hours, days, nights and groups, and the largest absolute difference of their values.
/// </summary>
internal static class Agreement
{
    /// <param name="hourlyBySite">Each urban site's hourly heat island, when the library's run kept it.</param>
    /// <exception cref="InvalidOperationException">The two hold different hours, days, nights or groups.</exception>
    public static double HeatIsland(BenchCity city, IReadOnlyDictionary<string, IReadOnlyList<HourlyHeatIsland>>? hourlyBySite, HeatIslandReport report, HeatIslandBaseline baseline)
    {
        var worst = 0.0;
        var sites = city.Registry.Sites;
        var daysBySite = report.Days.ToLookup(day => day.Site.Id, StringComparer.Ordinal);
        for (var index = 0; index < sites.Count; index++)
        {
            if (baseline.Intensity[index] is not { } expected)
            {
                continue;
            }

            var site = sites[index].Id;
            if (hourlyBySite is not null)
            {
                var hourly = hourlyBySite[site];
                Require(hourly.Count == expected.Count(double.IsFinite), $"{site}: {hourly.Count} hours against {expected.Count(double.IsFinite)}");
                foreach (var hour in hourly)
                {
                    worst = Math.Max(worst, Math.Abs(hour.Intensity - expected[(int)((hour.Hour - BenchCity.Start).Ticks / TimeSpan.TicksPerHour)]));
                }
            }

            var daily = baseline.Daily[index]!;
            var days = daysBySite[site].Where(day => day.Day is not null).Select(day => day.Day!).ToArray();
            Require(days.Length == daily.Count(day => double.IsFinite(day.Mean)), $"{site}: {days.Length} days against {daily.Count(day => double.IsFinite(day.Mean))}");
            foreach (var day in days)
            {
                var (mean, minimum, maximum) = daily[day.Date.DayNumber - baseline.FirstDay.DayNumber];
                worst = Math.Max(worst, Math.Max(Math.Abs(day.MeanIntensity - mean), Math.Max(Math.Abs(day.MinimumDifference - minimum), Math.Abs(day.MaximumDifference - maximum))));
            }

            var nightly = baseline.Nightly[index]!;
            var nights = daysBySite[site].Where(day => day.Night is not null).Select(day => day.Night!).ToArray();
            Require(nights.Length == nightly.Count(double.IsFinite), $"{site}: {nights.Length} nights against {nightly.Count(double.IsFinite)}");
            foreach (var night in nights)
            {
                worst = Math.Max(worst, Math.Abs(night.MaximumIntensity - nightly[night.Night.DayNumber - baseline.FirstDay.DayNumber + 1]));
            }
        }

        foreach (var (groups, expected) in new[] { (report.ByLcz, baseline.ByLcz), (report.ByDistrict, baseline.ByDistrict) })
        {
            Require(groups.Count == expected.Count, $"{groups.Count} groups against {expected.Count}");
            foreach (var group in groups)
            {
                worst = Math.Max(worst, Math.Abs(group.MeanIntensity - expected[group.Group]));
            }
        }

        return worst;
    }

    /// <exception cref="InvalidOperationException">The reports differ.</exception>
    public static void SameReport(HeatIslandReport expected, HeatIslandReport actual, string what)
    {
        Require(
            expected.Days.SequenceEqual(actual.Days) && expected.ByLcz.SequenceEqual(actual.ByLcz) && expected.ByDistrict.SequenceEqual(actual.ByDistrict) && expected.HotSpots.SequenceEqual(actual.HotSpots),
            $"{what} gives another report than Analyses.HeatIslandAsync");
    }

    /// <exception cref="InvalidOperationException">The grid has a cell without a value.</exception>
    public static double Grid(InterpolatedGrid grid, double[] expected)
    {
        Require(grid.Cells.Count == expected.Length && grid.Cells.All(cell => cell.Value is not null), "the grid has cells without a value");
        return grid.Cells.Select((cell, index) => Math.Abs(cell.Value!.Value - expected[index])).Max();
    }

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The library and the baseline disagree: " + what + ".");
        }
    }
}
