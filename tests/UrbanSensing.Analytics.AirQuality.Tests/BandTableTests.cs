using System.Text;

namespace UrbanSensing.Analytics.AirQuality.Tests;

public sealed class BandTableTests
{
    private const string FileName = "test-table.json";

    private const string ValidTable = """
        {
          "scheme": "Atmo",
          "name": "Test table",
          "version": "1",
          "source": "a test",
          "date": "2020-07-10",
          "boundaryRule": "UpperBoundInclusive",
          "bands": ["Low", "Medium", "High"],
          "pollutants": [
            { "pollutant": "No2", "averaging": "Hourly", "bands": [
              { "band": "Low", "from": 0, "to": 40 },
              { "band": "Medium", "from": 40, "to": 90 },
              { "band": "High", "from": 90, "to": null } ] }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidTable_ReadsEveryField()
    {
        var table = Parse(ValidTable);

        Assert.Equal("1", table.Version);
        Assert.Equal("a test", table.Source);
        Assert.Equal(new DateOnly(2020, 7, 10), table.Date);
        var no2 = table.For(Pollutant.No2)!;
        Assert.Equal([40, 90, (double?)null], no2.Ranges.Select(range => range.To));
        Assert.Equal("Medium", no2.Classify(90).Name);
        Assert.Null(table.For(Pollutant.O3));
    }

    [Theory]
    [InlineData("""{ "band": "Medium", "from": 45, "to": 90 }""", "bands must be contiguous")]
    [InlineData("""{ "band": "Medium", "from": 35, "to": 90 }""", "bands must be contiguous")]
    [InlineData("""{ "band": "Medium", "from": 40, "to": 30 }""", "bounds must increase")]
    [InlineData("""{ "band": "Medium", "from": 40, "to": 40 }""", "bounds must increase")]
    [InlineData("""{ "band": "Medium", "from": 40, "to": null }""", "only the top band is open")]
    [InlineData("""{ "band": "Medium", "from": 40, "to": "90" }""", "\"to\" must be a finite number or null")]
    public void Parse_BadSecondBand_RejectsItNamingTheFileAndTheEntry(string badBand, string expectedProblem)
    {
        var json = ValidTable.Replace("""{ "band": "Medium", "from": 40, "to": 90 }""", badBand, StringComparison.Ordinal);

        var exception = Assert.Throws<BandTableException>(() => Parse(json));

        Assert.StartsWith($"{FileName}: pollutants[0] (No2) bands[1] (Medium): ", exception.Message, StringComparison.Ordinal);
        Assert.Contains(expectedProblem, exception.Message, StringComparison.Ordinal);
        Assert.Equal(FileName, exception.FileName);
        Assert.Equal("pollutants[0] (No2) bands[1] (Medium)", exception.Entry);
    }

    [Fact]
    public void Parse_TopBandClosed_RejectsItNamingTheEntry()
    {
        var json = ValidTable.Replace("""{ "band": "High", "from": 90, "to": null }""", """{ "band": "High", "from": 90, "to": 400 }""", StringComparison.Ordinal);

        var exception = Assert.Throws<BandTableException>(() => Parse(json));

        Assert.Equal("pollutants[0] (No2) bands[2] (High)", exception.Entry);
        Assert.Contains("the top band must be open", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FirstBandNotFromZero_RejectsIt()
    {
        var json = ValidTable.Replace("""{ "band": "Low", "from": 0, "to": 40 }""", """{ "band": "Low", "from": 1, "to": 40 }""", StringComparison.Ordinal);

        var exception = Assert.Throws<BandTableException>(() => Parse(json));

        Assert.Equal("pollutants[0] (No2) bands[0] (Low)", exception.Entry);
        Assert.Contains("must start at 0", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BandsOutOfOrder_RejectsTheMisplacedBand()
    {
        var json = ValidTable.Replace("""{ "band": "Medium", "from": 40, "to": 90 }""", """{ "band": "High", "from": 40, "to": 90 }""", StringComparison.Ordinal);

        var exception = Assert.Throws<BandTableException>(() => Parse(json));

        Assert.Equal("pollutants[0] (No2) bands[1] (High)", exception.Entry);
        Assert.Contains("band 2 is \"Medium\"", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"version\": \"1\",", "\"version\" is missing")]
    [InlineData("\"date\": \"2020-07-10\",", "\"date\" is missing")]
    [InlineData("\"source\": \"a test\",", "\"source\" is missing")]
    public void Parse_MissingProvenance_RejectsTheFile(string removed, string expectedProblem)
    {
        var exception = Assert.Throws<BandTableException>(() => Parse(ValidTable.Replace(removed, string.Empty, StringComparison.Ordinal)));

        Assert.Equal($"{FileName}: $: {expectedProblem}.", exception.Message);
    }

    [Fact]
    public void Parse_UnknownPollutant_ListsTheAllowedValues()
    {
        var exception = Assert.Throws<BandTableException>(() => Parse(ValidTable.Replace("\"No2\"", "\"CO\"", StringComparison.Ordinal)));

        Assert.Equal("pollutants[0]", exception.Entry);
        Assert.Contains("allowed values: Pm25, Pm10, No2, O3, So2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DateNotIso_RejectsIt()
    {
        var exception = Assert.Throws<BandTableException>(() => Parse(ValidTable.Replace("2020-07-10", "10/07/2020", StringComparison.Ordinal)));

        Assert.Contains("yyyy-MM-dd", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_RejectsTheWholeFile()
    {
        var exception = Assert.Throws<BandTableException>(() => Parse("{ \"scheme\": "));

        Assert.Equal("$", exception.Entry);
        Assert.StartsWith($"{FileName}: $: not valid JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WhoParse_PercentileOutOfRange_RejectsTheGuidelineNamingIt()
    {
        const string json = """
            { "name": "WHO", "version": "2021", "source": "test", "date": "2021-09-22",
              "guidelines": [ { "pollutant": "Pm25", "averaging": "DailyMean", "level": 15, "percentile": 100 } ] }
            """;

        var exception = Assert.Throws<BandTableException>(() => WhoGuidelineTable.Parse("who.json", Encoding.UTF8.GetBytes(json)));

        Assert.Equal("who.json: guidelines[0] (Pm25, DailyMean): \"percentile\" is 100; a percentile lies between 0 and 100, exclusive.", exception.Message);
    }

    private static BandTable Parse(string json) => BandTable.Parse(FileName, Encoding.UTF8.GetBytes(json));
}
