using UrbanSensing.Protocol;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;

namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class InfluxQlTests
{
    [Fact]
    public void SelectReadings_Everything_ReadsEveryMeasurementOverTheWholeStorableRange()
    {
        Assert.Equal(
            "SELECT \"value\", \"seq\" FROM \"air\", \"water\", \"rain\", \"surface\" " +
            "WHERE time >= -9223372036854775800 AND time < 9223372036854775800 " +
            "GROUP BY \"device\", \"sensor\", \"quantity\"",
            InfluxQl.SelectReadings(Everything));
    }

    [Fact]
    public void SelectReadings_DevicesQuantitiesRangeAndLimit_FiltersOnlyTheirMeasurements()
    {
        var query = new ReadingQuery(
            ["a", "it's"],
            [Quantities.RainfallDepth, Quantities.Pm25, Quantities.AirTemperature],
            T0,
            T0.AddSeconds(1),
            Limit: 10);

        Assert.Equal(
            "SELECT \"value\", \"seq\" FROM \"air\", \"rain\" " +
            "WHERE time >= 1748779200123456000 AND time < 1748779201123456000 " +
            "AND (\"device\" = 'a' OR \"device\" = 'it\\'s') " +
            "AND (\"quantity\" = 'rainfall' OR \"quantity\" = 'pm2.5' OR \"quantity\" = 'air-temperature') " +
            "GROUP BY \"device\", \"sensor\", \"quantity\" LIMIT 10",
            InfluxQl.SelectReadings(query));
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
