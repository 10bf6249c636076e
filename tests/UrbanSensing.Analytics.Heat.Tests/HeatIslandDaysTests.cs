namespace UrbanSensing.Analytics.Heat.Tests;

public sealed class HeatIslandDaysTests
{
    [Fact]
    public void Daily_FullDay_GivesMeanIntensityAndTminTmaxDifferences()
    {
        // Urban: 18 °C at 05:00, 32 °C at 15:00, 25 °C otherwise. Reference: 15 °C at 05:00, 31 °C at 15:00, 23 °C otherwise.
        // Mean intensity = (3 + 1 + 22 × 2) / 24 = 48 / 24 = 2; ΔTmin = 18 − 15 = 3; ΔTmax = 32 − 31 = 1.
        var day = new DateOnly(2025, 7, 14);
        var hourly = HeatIslandIntensity.Hourly(
            [HourlySeries.FromReadings(Paris.Day(day, 18, 32))],
            [HourlySeries.FromReadings(Paris.Day(day, 15, 31))]);

        var daily = Assert.Single(new HeatIslandDays().Daily(hourly));

        Assert.Equal(day, daily.Date);
        Assert.Equal(2.0, daily.MeanIntensity, 12);
        Assert.Equal((3.0, 1.0, 24), (daily.MinimumDifference, daily.MaximumDifference, daily.Hours));
    }

    [Fact]
    public void Nocturnal_DefaultWindow_TakesTheMaximumFrom21To06AndDatesItByTheEvening()
    {
        // 14–15 July 2025, CEST (UTC+2). Intensities: 20:00 → 9 (outside the night), 21:00 → 2, 02:00 → 4,
        // 05:00 → 3, 06:00 → 8 (outside). The night of 14 July peaks at 4 K at 02:00 local (00:00 UTC).
        HourlyHeatIsland At(int day, int hour, double intensity) => new(Paris.At(2025, 7, day, hour), 20.0 + intensity, 20.0);
        HourlyHeatIsland[] hourly = [At(14, 20, 9), At(14, 21, 2), At(15, 2, 4), At(15, 5, 3), At(15, 6, 8)];

        var night = Assert.Single(new HeatIslandDays().Nocturnal(hourly));

        Assert.Equal(new DateOnly(2025, 7, 14), night.Night);
        Assert.Equal(4.0, night.MaximumIntensity, 12);
        Assert.Equal(new DateTimeOffset(2025, 7, 15, 0, 0, 0, TimeSpan.Zero), night.Hour);
        Assert.Equal(3, night.Hours);
    }

    [Fact]
    public void Nocturnal_WindowThatStartsAndEndsTogether_ThrowsNamingNight()
    {
        var exception = Assert.Throws<ArgumentException>(() => new HeatIslandDays(night: new NightWindow(new TimeOnly(22, 0), new TimeOnly(22, 0))));

        Assert.Equal("night", exception.ParamName);
    }

    [Fact]
    public void Daily_DayTheClocksGoForward_IsCompleteWith23Hours()
    {
        var day = new DateOnly(2025, 3, 30);
        var hourly = HeatIslandIntensity.Hourly(
            [HourlySeries.FromReadings(Paris.Day(day, 8, 16))],
            [HourlySeries.FromReadings(Paris.Day(day, 6, 12))]);

        var daily = Assert.Single(new HeatIslandDays().Daily(hourly));

        Assert.Equal((day, 2.0, 4.0, 23), (daily.Date, daily.MinimumDifference, daily.MaximumDifference, daily.Hours));
    }

    [Fact]
    public void DailyAndNocturnal_HoursInReverseOrder_SummariseAsInTimeOrder()
    {
        // Values in halves and quarters, so the sums are exact in either order.
        var days = new[] { new DateOnly(2025, 7, 14), new DateOnly(2025, 7, 15) };
        var hourly = HeatIslandIntensity.Hourly(
            [HourlySeries.FromReadings(days.SelectMany(day => Paris.Day(day, 18.5, 31)))],
            [HourlySeries.FromReadings(days.SelectMany(day => Paris.Day(day, 15, 30.5)))]);
        var reversed = hourly.Reverse().ToArray();
        var summaries = new HeatIslandDays();

        Assert.Equal(summaries.Daily(hourly), summaries.Daily(reversed));
        Assert.Equal(2, summaries.Daily(reversed).Count);
        // The hour of a night's maximum is the first reached in the order given, so only the maxima themselves compare.
        Assert.Equal(
            summaries.Nocturnal(hourly).Select(night => (night.Night, night.MaximumIntensity, night.Hours)),
            summaries.Nocturnal(reversed).Select(night => (night.Night, night.MaximumIntensity, night.Hours)));
    }

    [Fact]
    public void Daily_OneInstanceForSeriesOfDifferentMonths_GivesWhatAFreshInstanceGives()
    {
        // The instance keeps the local time of the hours it has seen; a later series months earlier widens what it keeps.
        HourlyHeatIsland[] Month(int month) => [.. HeatIslandIntensity.Hourly(
            [HourlySeries.FromReadings(Enumerable.Range(1, 31).SelectMany(day => Paris.Day(new DateOnly(2025, month, day), 12, 20)))],
            [HourlySeries.FromReadings(Enumerable.Range(1, 31).SelectMany(day => Paris.Day(new DateOnly(2025, month, day), 10, 19)))])];
        var shared = new HeatIslandDays();

        var july = shared.Daily(Month(7));
        var march = shared.Daily(Month(3));

        Assert.Equal(new HeatIslandDays().Daily(Month(7)), july);
        Assert.Equal(new HeatIslandDays().Daily(Month(3)), march);
        Assert.Equal(23, march.Single(day => day.Date == new DateOnly(2025, 3, 30)).Hours);
        Assert.Equal(new HeatIslandDays().Nocturnal(Month(3)), shared.Nocturnal(Month(3)));
    }
}
