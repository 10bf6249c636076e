namespace UrbanSensing.Analytics.AirQuality.Tests;

public sealed class AveragingTests
{
    private static readonly DateTimeOffset Midnight = new(2024, 6, 1, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateOnly FirstDay = new(2024, 6, 1);

    [Fact]
    public void DailyMeans_FullDay_IsTheMeanOfItsHours()
    {
        var day = Hours(Midnight, 24, hour => hour);

        var mean = Assert.Single(Averaging.DailyMeans(day));

        Assert.Equal(new DailyValue(FirstDay, 11.5, 24), mean);
    }

    [Fact]
    public void DailyMeans_EighteenHoursValidSeventeenNot_PerDirective2008_50_AnnexXI()
    {
        // Annex XI, Section A: a 24-hour value needs 75 % of the hourly values, i.e. at least 18.
        var eighteen = Hours(Midnight, 18, _ => 10);
        var seventeen = Hours(Midnight.AddDays(1), 17, _ => 20);

        var means = Averaging.DailyMeans([.. eighteen, .. seventeen]);

        Assert.Equal(new DailyValue(FirstDay, 10, 18), Assert.Single(means));
    }

    [Fact]
    public void DailyMeans_HoursStampedInTheirOwnOffset_GroupByThatClocksDate()
    {
        // 00:00 at +02:00 is 22:00 UTC the day before: it belongs to the local day.
        var paris = Hours(Midnight, 24, _ => 5);
        var utc = paris.Select(value => value with { Hour = value.Hour.ToUniversalTime() });

        Assert.Equal(FirstDay, Assert.Single(Averaging.DailyMeans(paris)).Day);
        Assert.Equal([new DateOnly(2024, 5, 31), FirstDay], Averaging.DailyMeans(utc, minimumHours: 1).Select(mean => mean.Day));
    }

    [Fact]
    public void DailyMaxima_DayOfHourlyValues_IsTheHighestHourPerTheArreteDu10Juillet2020()
    {
        var day = Hours(Midnight, 24, hour => hour == 15 ? 180 : 40);
        var tooShort = Hours(Midnight.AddDays(1), 17, _ => 300);

        var maximum = Assert.Single(Averaging.DailyMaxima([.. day, .. tooShort]));

        Assert.Equal(new DailyValue(FirstDay, 180, 24), maximum);
    }

    [Fact]
    public void RunningMeans24Hours_StepFrom10To20_RisesOverTheNext24HoursAndNeeds18Hours()
    {
        var series = Hours(Midnight, 48, hour => hour < 24 ? 10 : 20);

        var means = Averaging.RunningMeans24Hours(series);

        // The first mean with 18 hours behind it is stamped 17:00; the step is half-way through the window at 11:00 next day.
        Assert.Equal(48 - 17, means.Count);
        Assert.Equal(new HourlyValue(Midnight.AddHours(17), 10), means[0]);
        Assert.Equal(10, means.Single(mean => mean.Hour == Midnight.AddHours(23)).Value, 12);
        Assert.Equal(15, means.Single(mean => mean.Hour == Midnight.AddHours(35)).Value, 12);
        Assert.Equal(20, means[^1].Value, 12);
    }

    [Fact]
    public void RunningMeans24Hours_GapOfSevenHours_LeavesOutWindowsWithFewerThan18Hours()
    {
        // Two days of values, less the seven hours 06:00–12:00 of the second day.
        var series = Hours(Midnight, 48, _ => 10).Where((_, index) => index is < 30 or > 36).ToList();

        var means = Averaging.RunningMeans24Hours(series);

        // Windows stamped up to 11:00 miss at most six of those hours (18 left); from 12:00 on they miss all seven.
        var secondDay = means.Where(mean => mean.Hour.Day == 2).Select(mean => mean.Hour.Hour);
        Assert.Equal(Enumerable.Range(0, 12), secondDay);
        Assert.All(means, mean => Assert.Equal(10, mean.Value, 12));
    }

    [Fact]
    public void DailyMaxima8HourMeans_WindowEndingAt0100_CountsForTheDayItEndsOnPerDirective2008_50_AnnexVII()
    {
        // Annex VII: each 8-hour mean is assigned to the day on which it ends; the first of a day runs 17:00 (day before)
        // to 01:00, the last 16:00 to 24:00. 80 from 17:00 to 01:00 makes the window 17:00–01:00 average 80 on the
        // second day, while the first day's last window, 16:00–24:00, holds one hour of 0 and averages 70.
        var series = Hours(Midnight, 48, hour => hour is >= 17 and <= 24 ? 80 : 0);

        var maxima = Averaging.DailyMaxima8HourMeans(series);

        Assert.Equal(2, maxima.Count);
        Assert.Equal(FirstDay, maxima[0].Day);
        Assert.Equal(70, maxima[0].Value, 12);
        Assert.Equal(19, maxima[0].Count);
        Assert.Equal(FirstDay.AddDays(1), maxima[1].Day);
        Assert.Equal(80, maxima[1].Value, 12);
        Assert.Equal(24, maxima[1].Count);
    }

    [Fact]
    public void DailyMaxima8HourMeans_EighteenMeansValidSeventeenNot_PerDirective2008_50_AnnexVII()
    {
        // Annex VII, Section A.2: an 8-hour mean needs 6 hours, a daily maximum 18 of the day's 8-hour means. From
        // 00:00, the means stamped 05:00 onwards have 6 hours: 23 hours give 18 means, 22 hours 17.
        var twentyThreeHours = Hours(Midnight, 23, _ => 50);
        var twentyTwoHours = Hours(Midnight, 22, _ => 50);

        Assert.Equal(18, Assert.Single(Averaging.DailyMaxima8HourMeans(twentyThreeHours)).Count);
        Assert.Empty(Averaging.DailyMaxima8HourMeans(twentyTwoHours));
    }

    [Fact]
    public void RunningMeans8Hours_SixOfEightHours_IsValidFiveIsNot()
    {
        var means = Averaging.RunningMeans8Hours(Hours(Midnight, 6, hour => hour));

        Assert.Equal(new HourlyValue(Midnight.AddHours(5), 2.5), Assert.Single(means));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1)]
    [InlineData(double.NegativeInfinity)]
    public void DailyMeans_BadValue_ThrowsNamingTheParameter(double value)
    {
        var exception = Assert.Throws<ArgumentException>(() => Averaging.DailyMeans([new HourlyValue(Midnight, value)]));

        Assert.Equal("hourlyValues", exception.ParamName);
        Assert.Contains("at or above 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunningMeans24Hours_HourNotOnTheClockHour_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => Averaging.RunningMeans24Hours([new HourlyValue(Midnight.AddMinutes(30), 1)]));

        Assert.Equal("hourlyValues", exception.ParamName);
    }

    [Fact]
    public void DailyMaxima_SameHourTwice_Throws()
    {
        // The same instant written in two offsets is still one hour.
        HourlyValue[] values = [new(Midnight, 1), new(Midnight.ToUniversalTime(), 2)];

        var exception = Assert.Throws<ArgumentException>(() => Averaging.DailyMaxima(values));

        Assert.Contains("appears twice", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    public void DailyMeans_MinimumHoursOutside1To24_Throws(int minimumHours)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Averaging.DailyMeans([], minimumHours));

        Assert.Equal("minimumHours", exception.ParamName);
    }

    private static List<HourlyValue> Hours(DateTimeOffset start, int count, Func<int, double> value) =>
        [.. Enumerable.Range(0, count).Select(hour => new HourlyValue(start.AddHours(hour), value(hour)))];
}
