using UrbanSensing.Protocol;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;

namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class InfluxQlTests
{
    private static readonly ReadingQuery Filtered = new(
        ["a", "it's"],
        [Quantities.RainfallDepth, Quantities.Pm25, Quantities.AirTemperature],
        T0,
        T0.AddSeconds(1),
        Limit: 10);

    private const string FilteredSelection =
        "FROM \"air\", \"rain\" " +
        "WHERE time >= 1748779200123456000 AND time < 1748779201123456000 " +
        "AND (\"device\" = 'a' OR \"device\" = 'it\\'s') " +
        "AND (\"quantity\" = 'rainfall' OR \"quantity\" = 'pm2.5' OR \"quantity\" = 'air-temperature')";

    [Fact]
    public void SelectReadings_Everything_ReadsEveryMeasurementOverTheWholeStorableRange()
    {
        Assert.Equal(
            "SELECT \"value\", \"seq\", \"qc\" FROM \"air\", \"water\", \"rain\", \"surface\" " +
            "WHERE time >= -9223372036854775800 AND time < 9223372036854775800 " +
            "GROUP BY \"device\", \"sensor\", \"quantity\"",
            InfluxQl.SelectReadings(Everything));
    }

    [Fact]
    public void SelectReadings_DevicesQuantitiesRangeAndLimit_FiltersOnlyTheirMeasurements()
    {
        Assert.Equal(
            $"SELECT \"value\", \"seq\", \"qc\" {FilteredSelection} GROUP BY \"device\", \"sensor\", \"quantity\" LIMIT 10",
            InfluxQl.SelectReadings(Filtered));
    }

    [Fact]
    public void SelectReadings_ExcludeFlagged_KeepsOnlyPointsWithQcZero()
    {
        Assert.Equal(
            $"SELECT \"value\", \"seq\", \"qc\" {FilteredSelection} AND \"qc\" = 0 GROUP BY \"device\", \"sensor\", \"quantity\" LIMIT 10",
            InfluxQl.SelectReadings(Filtered with { ExcludeFlagged = true }));
    }

    [Fact]
    public void SelectFirstAndLast_SelectTheOneSelectorAloneOverTheSelectionWithoutLimit()
    {
        var query = Filtered with { ExcludeFlagged = true };

        Assert.Equal($"SELECT first(\"value\") {FilteredSelection} AND \"qc\" = 0", InfluxQl.SelectFirst(query));
        Assert.Equal($"SELECT last(\"value\") {FilteredSelection} AND \"qc\" = 0", InfluxQl.SelectLast(query));
    }

    [Fact]
    public void SelectBucketStatistics_Grouping_ReplacesTheRangeAndGroupsByTimeInSecondsWithoutTz()
    {
        var grouping = new TimeGrouping(1_000, 2_000, TimeSpan.FromHours(3), TimeSpan.FromHours(2));

        Assert.Equal(
            "SELECT count(\"value\"), sum(\"value\"), min(\"value\"), max(\"value\"), last(\"value\") FROM \"air\", \"rain\" " +
            "WHERE time >= 1000 AND time < 2000 " +
            "AND (\"device\" = 'a' OR \"device\" = 'it\\'s') " +
            "AND (\"quantity\" = 'rainfall' OR \"quantity\" = 'pm2.5' OR \"quantity\" = 'air-temperature') " +
            "GROUP BY time(10800s, 7200s), \"device\", \"sensor\", \"quantity\" fill(none)",
            InfluxQl.SelectBucketStatistics(Filtered, grouping));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1_748_779_200_123_456_000, 17_487_792_001_234_560)]
    [InlineData(-1, -1)]
    [InlineData(-100, -1)]
    [InlineData(-101, -2)]
    public void ToInstant_Nanoseconds_FallOnTheTickAtOrBelow(long nanoseconds, long ticksSinceEpoch)
    {
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(ticksSinceEpoch), InfluxQl.ToInstant(nanoseconds));
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("two\nlines", @"'two\nlines'")]
    public void StringLiteral_SpecialCharacters_AreEscaped(string value, string expected)
    {
        Assert.Equal(expected, InfluxQl.StringLiteral(value));
    }
}
