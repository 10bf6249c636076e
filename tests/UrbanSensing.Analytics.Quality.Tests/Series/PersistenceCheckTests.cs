using UrbanSensing.Protocol;
using UrbanSensing.Analytics.Quality.Series;

namespace UrbanSensing.Analytics.Quality.Tests.Series;

public sealed class PersistenceCheckTests
{
    private static readonly PersistenceCheck TenthOfDegreeForAnHour = new(0.1, TimeSpan.FromHours(1));

    [Fact]
    public void Check_UnchangedForJustUnderAnHour_FlagsNothing()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(59), 20, 20);

        Assert.All(TenthOfDegreeForAnHour.Check(readings), result => Assert.True(result.Passed));
    }

    [Fact]
    public void Check_UnchangedForExactlyAnHour_FlagsNothing()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(10), 20, 20, 20, 20, 20, 20, 20, 21);

        Assert.All(TenthOfDegreeForAnHour.Check(readings), result => Assert.True(result.Passed));
    }

    [Fact]
    public void Check_UnchangedForLongerThanAnHour_FlagsTheWholeStretchOnly()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(10), 18, 20, 20.05, 20, 20, 20.05, 20, 20, 20.05, 22);

        var results = TenthOfDegreeForAnHour.Check(readings);

        Assert.Equal(
            [QualityFlags.None, .. Enumerable.Repeat(QualityFlags.Persistence, 8), QualityFlags.None],
            SeriesData.Flags(results));
    }

    [Fact]
    public void Check_SpreadJustAboveTolerance_FlagsNothing()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(10), 20, 20.1001, 20, 20.1001, 20, 20.1001, 20, 20.1001);

        Assert.All(TenthOfDegreeForAnHour.Check(readings), result => Assert.True(result.Passed));
    }

    [Fact]
    public void Check_SpreadExactlyAtTolerance_Flags()
    {
        var readings = SeriesData.Every(TimeSpan.FromMinutes(10), 20, 20.125, 20, 20.125, 20, 20.125, 20, 20.125);

        var results = new PersistenceCheck(0.125, TimeSpan.FromHours(1)).Check(readings);

        Assert.All(results, result => Assert.Equal(QualityFlags.Persistence, result.Flags));
    }

    [Fact]
    public void Constructor_NegativeDuration_ThrowsNamingMaximumDuration()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new PersistenceCheck(0.1, TimeSpan.FromMinutes(-1)));

        Assert.Equal("maximumDuration", exception.ParamName);
    }
}
