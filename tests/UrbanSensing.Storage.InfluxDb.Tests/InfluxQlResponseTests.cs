using System.Text;
using System.Text.Json;
using UrbanSensing.Protocol;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;

namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class InfluxQlResponseTests
{
    [Fact]
    public void ReadReadings_AnswerOfInfluxDb16_ReadsEveryRowOfEverySeries()
    {
        // As InfluxDB 1.6.7 answers the store's statement with epoch=ns.
        const string Answer = """
            {"results":[{"statement_id":0,"series":[
            {"name":"air","tags":{"device":"d1","quantity":"air-temperature","sensor":"sht31"},"columns":["time","value","seq","qc"],"values":[[1748779200123456000,21.5,7,0],[1748779201123456000,0.00001,null,1]]},
            {"name":"rain","tags":{"device":"d2","quantity":"rainfall","sensor":"rg"},"columns":["time","value","seq","qc"],"values":[[1748779201123456000,1e+300,null,0]]}]}]}
            """;

        var readings = InfluxQlResponse.ReadReadings(Encoding.UTF8.GetBytes(Answer));

        Assert.Equal(
            [
                Temperature("d1", T0, 21.5, sequence: 7),
                Temperature("d1", T0.AddSeconds(1), 1e-5) with { Flags = QualityFlags.Unregistered },
                new Reading("d2", "rg", Quantities.RainfallDepth, T0.AddSeconds(1), 1e300, null),
            ],
            readings);
        Assert.All(readings, reading => Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset));
    }

    [Fact]
    public void ReadReadings_ColumnsInAnotherOrderWithFlagsNoReleaseKnows_ReadsThemByName()
    {
        var answer = Encoding.UTF8.GetBytes("""{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31"},"columns":["qc","extra","value","time"],"values":[[6,"x",2.5,1748779200123456000]]}]}]}""");

        Assert.Equal([Temperature("a", T0, 2.5) with { Flags = (QualityFlags)6 }], InfluxQlResponse.ReadReadings(answer));
    }

    [Theory]
    [InlineData("""["time","value","seq"],"values":[[1,2,3]]""", "missing")]
    [InlineData("""["time","value","qc"],"values":[[1,2,null]]""", "missing")]
    [InlineData("""["time","value","qc"],"values":[[1,2,4294967296]]""", "4294967296")]
    public void ReadReadings_PointWithoutUsableQc_ThrowsNamingTheDevice(string columnsAndValues, string what)
    {
        var answer = Encoding.UTF8.GetBytes($$"""{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":{{columnsAndValues}}}]}]}""");

        var error = Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadReadings(answer));

        Assert.Contains("device 'a'", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadStoredFlags_AnswerGroupedByEveryTag_ReadsEachPointWithItsWholeSeriesKey()
    {
        // As InfluxDB 1.6.7 answers GROUP BY *: every tag key of the measurements, empty where a series lacks it.
        const string Answer = """
            {"results":[{"statement_id":0,"series":[
            {"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31","site":""},"columns":["time","value","qc"],"values":[[1748779200123456000,21.5,0],[1748779201123456000,21.75,17]]},
            {"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"sht31","site":"X y"},"columns":["time","value","qc"],"values":[[1748779200123456000,21.5,1]]}]}]}
            """;
        var channel = new InfluxChannel("air", "a", "sht31", "air-temperature");

        var points = InfluxQlResponse.ReadStoredFlags(Encoding.UTF8.GetBytes(Answer));

        Assert.Equal(
            [
                new StoredFlags(channel, "air,device=a,quantity=air-temperature,sensor=sht31", T0Nanoseconds, QualityFlags.None),
                new StoredFlags(channel, "air,device=a,quantity=air-temperature,sensor=sht31", T0Nanoseconds + 1_000_000_000, (QualityFlags)17),
                new StoredFlags(channel, @"air,device=a,quantity=air-temperature,sensor=sht31,site=X\ y", T0Nanoseconds, QualityFlags.Unregistered),
            ],
            points);
    }

    [Theory]
    [InlineData("[1748779200123456000,21.5,null]", "qc field is missing")]
    [InlineData("[1748779200123456000,null,0]", "without a time or a value")]
    public void ReadStoredFlags_PointWithoutQcOrValue_ThrowsNamingTheDevice(string row, string what)
    {
        var answer = Encoding.UTF8.GetBytes($$"""{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","value","qc"],"values":[{{row}}]}]}]}""");

        var error = Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadStoredFlags(answer));

        Assert.Contains("device 'a'", error.Message, StringComparison.Ordinal);
        Assert.Contains(what, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTimes_AnswersOfFirstOverSeveralMeasurements_ReturnsEachTime()
    {
        // As InfluxDB 1.6.7 answers SELECT first("value") FROM "air", "rain" WHERE … with epoch=ns.
        var answer = """{"results":[{"statement_id":0,"series":[{"name":"air","columns":["time","first"],"values":[[1743120000000000000,0]]},{"name":"rain","columns":["time","first"],"values":[[1743120600000000000,0.5]]}]}]}"""u8;

        Assert.Equal([1_743_120_000_000_000_000, 1_743_120_600_000_000_000], InfluxQlResponse.ReadTimes(answer));
    }

    [Fact]
    public void ReadBucketStatistics_FirstBucketStartsBeforeTheGrouping_StartsItAtTheGrouping()
    {
        // As InfluxDB 1.6.7 answers a GROUP BY time(3h, 2h) from 2025-03-28T00:00Z: the first bucket is labelled 27 March 23:00Z.
        var answer = """
            {"results":[{"statement_id":0,"series":[{"name":"air","tags":{"device":"a","quantity":"air-temperature","sensor":"s"},
            "columns":["time","count","sum","min","max","last"],"values":[[1743116400000000000,12,33,0,5.5,5.5],[1743127200000000000,18,256.5,6,14.5,14.5]]}]}]}
            """u8;
        var grouping = new TimeGrouping(1_743_120_000_000_000_000, 1_743_200_000_000_000_000, TimeSpan.FromHours(3), TimeSpan.FromHours(2));

        var buckets = InfluxQlResponse.ReadBucketStatistics(answer, grouping, BucketColumns.Count | BucketColumns.Sum | BucketColumns.Min | BucketColumns.Max | BucketColumns.Last);

        var midnight = new DateTimeOffset(2025, 3, 28, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                new BucketStatistics("a", "s", Quantities.AirTemperature, midnight, 12, 33, 0, 5.5, 5.5),
                new BucketStatistics("a", "s", Quantities.AirTemperature, midnight.AddHours(2), 18, 256.5, 6, 14.5, 14.5),
            ],
            buckets);
    }

    [Fact]
    public void ReadBucketStatistics_BucketWithANullStatistic_Throws()
    {
        var answer = """{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","count","sum","min","max","last"],"values":[[0,18,2668.5,144,null,null]]}]}]}"""u8.ToArray();

        Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadBucketStatistics(answer, new TimeGrouping(0, 1, TimeSpan.FromHours(2), TimeSpan.Zero), BucketColumns.Count | BucketColumns.Sum | BucketColumns.Min | BucketColumns.Max | BucketColumns.Last));
    }

    [Fact]
    public void ReadBucketStatistics_OnlyCountAndSumAsked_ReadsThemAndLeavesTheRestAtZero()
    {
        var answer = """{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","count","sum"],"values":[[0,18,2668.5]]}]}]}"""u8.ToArray();

        var bucket = Assert.Single(InfluxQlResponse.ReadBucketStatistics(answer, new TimeGrouping(0, 1, TimeSpan.FromHours(2), TimeSpan.Zero), BucketColumns.Count | BucketColumns.Sum));

        Assert.Equal(new BucketStatistics("a", "s", Quantities.Pm10, DateTimeOffset.UnixEpoch, 18, 2668.5, 0, 0, 0), bucket);
    }

    [Fact]
    public void ReadBucketStatistics_AskedColumnMissing_Throws()
    {
        var answer = """{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","count","sum"],"values":[[0,18,2668.5]]}]}]}"""u8.ToArray();

        Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadBucketStatistics(answer, new TimeGrouping(0, 1, TimeSpan.FromHours(2), TimeSpan.Zero), BucketColumns.Count | BucketColumns.Max));
    }

    [Fact]
    public void ReadReadings_NoSeries_ReturnsNone()
    {
        Assert.Empty(InfluxQlResponse.ReadReadings("""{"results":[{"statement_id":0}]}"""u8));
    }

    [Theory]
    [InlineData("""{"results":[{"statement_id":0,"error":"database not found: x"}]}""")]
    [InlineData("""{"error":"database not found: x"}""")]
    public void ReadReadings_Error_ThrowsWithIt(string answer)
    {
        var error = Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadReadings(Encoding.UTF8.GetBytes(answer)));

        Assert.Contains("database not found: x", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadReadings_UnknownQuantity_ThrowsNamingIt()
    {
        var answer = Encoding.UTF8.GetBytes("""{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"ozone","sensor":"s"},"columns":["time","value","qc"],"values":[[1,2,0]]}]}]}""");

        var error = Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadReadings(answer));

        Assert.Contains("'ozone'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadReadings_QuantityInAnotherDomainsMeasurement_ThrowsNamingBoth()
    {
        var answer = Encoding.UTF8.GetBytes("""{"results":[{"series":[{"name":"water","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","value","qc"],"values":[[1,2,0]]}]}]}""");

        var error = Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadReadings(answer));

        Assert.Contains("'water'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'air'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadReadings_RowWithoutValue_Throws()
    {
        var answer = Encoding.UTF8.GetBytes("""{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","value","seq"],"values":[[1,null,3]]}]}]}""");

        Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadReadings(answer));
    }

    [Fact]
    public void ReadReadings_TruncatedAnswer_Throws()
    {
        var answer = Encoding.UTF8.GetBytes("""{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","value"],"values":[[1,""");

        var error = Record.Exception(() => InfluxQlResponse.ReadReadings(answer));

        Assert.True(error is InvalidOperationException or JsonException, error?.ToString());
    }
}
