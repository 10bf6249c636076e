using UrbanSensing.Protocol;
using UrbanSensing.Storage.Aggregation;
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
    public void ShowSeries_Everything_ListsEveryMeasurementsSeriesWithoutWhere()
    {
        Assert.Equal("SHOW SERIES FROM \"air\", \"water\", \"rain\", \"surface\"", InfluxQl.ShowSeries(Everything));
    }

    [Fact]
    public void ShowSeries_DevicesAndQuantities_FiltersOnThemInTheirMeasurements()
    {
        Assert.Equal(
            "SHOW SERIES FROM \"air\", \"rain\" WHERE (\"device\" = 'a' OR \"device\" = 'it\\'s') " +
            "AND (\"quantity\" = 'rainfall' OR \"quantity\" = 'pm2.5' OR \"quantity\" = 'air-temperature')",
            InfluxQl.ShowSeries(Filtered));
    }

    [Fact]
    public void SelectChannelReadings_OneChannel_SelectsItsMeasurementAndTagsInTheRangeWithTheLimit()
    {
        var channel = new InfluxChannel("air", "it's", "sht31", "air-temperature");

        Assert.Equal(
            "SELECT \"value\", \"seq\", \"qc\" FROM \"air\" WHERE time >= 1748779200123456000 AND time < 1748779201123456000 " +
            "AND (\"device\" = 'it\\'s') AND (\"sensor\" = 'sht31') AND (\"quantity\" = 'air-temperature') " +
            "GROUP BY \"device\", \"sensor\", \"quantity\" LIMIT 7",
            InfluxQl.SelectChannelReadings(Filtered, channel, 7));
    }

    [Fact]
    public void SelectChannelReadings_ExcludeFlaggedWithoutLimit_KeepsOnlyPointsWithQcZero()
    {
        var channel = new InfluxChannel("rain", "a", "tb", "rainfall");

        Assert.Equal(
            "SELECT \"value\", \"seq\", \"qc\" FROM \"rain\" WHERE time >= 1748779200123456000 AND time < 1748779201123456000 " +
            "AND (\"device\" = 'a') AND (\"sensor\" = 'tb') AND (\"quantity\" = 'rainfall') AND \"qc\" = 0 " +
            "GROUP BY \"device\", \"sensor\", \"quantity\"",
            InfluxQl.SelectChannelReadings(Filtered with { ExcludeFlagged = true }, channel, null));
    }

    [Theory]
    [InlineData("air,device=a,quantity=air-temperature,sensor=sht31", "air", "a", "sht31", "air-temperature")]
    [InlineData(@"air,device=lille\ 1\,b,district=Vieux-Lille,lcz=2,quantity=pm2.5,sensor=s\=1,site=x", "air", "lille 1,b", "s=1", "pm2.5")]
    [InlineData(@"rain,sensor=tb,quantity=rainfall,device=d", "rain", "d", "tb", "rainfall")]
    public void FromSeriesKey_TagsInAnyOrderWithEscapes_GivesTheChannel(string key, string measurement, string device, string sensor, string quantity)
    {
        Assert.Equal(new InfluxChannel(measurement, device, sensor, quantity), InfluxChannel.FromSeriesKey(key));
    }

    [Theory]
    [InlineData("air")]
    [InlineData("air,device=a,quantity=air-temperature")]
    [InlineData("cpu,host=a,region=eu")]
    public void FromSeriesKey_WithoutTheStoresThreeTags_GivesNull(string key)
    {
        Assert.Null(InfluxChannel.FromSeriesKey(key));
    }

    [Fact]
    public void SelectStoredFlags_Channels_SelectsValueAndQcOfThemInTheClosedRangeGroupedByEveryTag()
    {
        InfluxChannel[] channels = [new("rain", "b", "tb", "rainfall"), new("air", "it's", "sht31", "air-temperature"), new("air", "a", "sht31", "air-temperature")];

        Assert.Equal(
            "SELECT \"value\", \"qc\" FROM \"air\", \"rain\" WHERE time >= 1748779200123456000 AND time <= 1748779201123456000 " +
            "AND ((\"device\" = 'a' AND \"sensor\" = 'sht31' AND \"quantity\" = 'air-temperature') " +
            "OR (\"device\" = 'b' AND \"sensor\" = 'tb' AND \"quantity\" = 'rainfall') " +
            "OR (\"device\" = 'it\\'s' AND \"sensor\" = 'sht31' AND \"quantity\" = 'air-temperature')) GROUP BY *",
            InfluxQl.SelectStoredFlags(channels, T0Nanoseconds, T0Nanoseconds + 1_000_000_000));
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
            InfluxQl.SelectBucketStatistics(Filtered, grouping, BucketColumns.Count | BucketColumns.Sum | BucketColumns.Min | BucketColumns.Max | BucketColumns.Last));
    }

    [Theory]
    [InlineData("mean", "count(\"value\"), sum(\"value\")")]
    [InlineData("max", "max(\"value\")")]
    [InlineData("last,min,count", "count(\"value\"), min(\"value\"), last(\"value\")")]
    [InlineData("sum,mean", "count(\"value\"), sum(\"value\")")]
    public void SelectBucketStatistics_Aggregates_AskOnlyTheStatisticsTheyNeed(string aggregates, string selectors)
    {
        var grouping = new TimeGrouping(1_000, 2_000, TimeSpan.FromHours(1), TimeSpan.Zero);
        var columns = BucketColumnsExtensions.For(aggregates.Split(',').Select(Aggregate.Parse));

        Assert.StartsWith($"SELECT {selectors} FROM ", InfluxQl.SelectBucketStatistics(Filtered, grouping, columns), StringComparison.Ordinal);
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
