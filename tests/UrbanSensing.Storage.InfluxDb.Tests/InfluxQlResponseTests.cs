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
            {"name":"air","tags":{"device":"d1","quantity":"air-temperature","sensor":"sht31"},"columns":["time","value","seq"],"values":[[1748779200123456000,21.5,7],[1748779201123456000,0.00001,null]]},
            {"name":"rain","tags":{"device":"d2","quantity":"rainfall","sensor":"rg"},"columns":["time","value","seq"],"values":[[1748779201123456000,1e+300,null]]}]}]}
            """;

        var readings = InfluxQlResponse.ReadReadings(Encoding.UTF8.GetBytes(Answer));

        Assert.Equal(
            [
                Temperature("d1", T0, 21.5, sequence: 7),
                Temperature("d1", T0.AddSeconds(1), 1e-5),
                new Reading("d2", "rg", Quantities.RainfallDepth, T0.AddSeconds(1), 1e300, null),
            ],
            readings);
        Assert.All(readings, reading => Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset));
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
        var answer = Encoding.UTF8.GetBytes("""{"results":[{"series":[{"name":"air","tags":{"device":"a","quantity":"ozone","sensor":"s"},"columns":["time","value"],"values":[[1,2]]}]}]}""");

        var error = Assert.Throws<InvalidOperationException>(() => InfluxQlResponse.ReadReadings(answer));

        Assert.Contains("'ozone'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadReadings_QuantityInAnotherDomainsMeasurement_ThrowsNamingBoth()
    {
        var answer = Encoding.UTF8.GetBytes("""{"results":[{"series":[{"name":"water","tags":{"device":"a","quantity":"pm10","sensor":"s"},"columns":["time","value"],"values":[[1,2]]}]}]}""");

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
