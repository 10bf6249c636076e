using System.CommandLine;
using System.Text.Json;
using UrbanSensing.Cli.Compute;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// <c>urbansensing compute</c> end to end: options parsed, the analytics libraries called, one JSON object printed.
/// Expected values are the published ones the libraries' own tests use, each named with its source.
/// </summary>
public sealed class ComputeCommandTests
{
    [Fact]
    public void HeatIndex_35CelsiusAnd70Percent_MatchesMetPy()
    {
        // MetPy test_basic.py, test_heat_index: 35 °C and 70 % give 50.3405 °C (Rothfusz regression).
        var (code, json, _) = Compute("heat-index", "--temperature", "35", "--humidity", "70");

        Assert.Equal(0, code);
        Assert.Equal(50.3405, json.GetProperty("value").GetDouble(), 0.001);
        Assert.Equal("Cel", json.GetProperty("unit").GetString());
        Assert.Equal("danger", json.GetProperty("category").GetString());
    }

    [Fact]
    public void WetBulb_20CelsiusAnd50Percent_MatchesStullsWorkedExample()
    {
        // Stull (2011), J. Appl. Meteor. Climatol. 50, 2267: T = 20 °C, RH = 50 % gives Tw = 13.7 °C.
        var (code, json, _) = Compute("wet-bulb", "--temperature", "20", "--humidity", "50");

        Assert.Equal(0, code);
        Assert.Equal(13.7, json.GetProperty("value").GetDouble(), 1);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("category").ValueKind);
    }

    [Fact]
    public void Humidex_FromDewPointOrHumidity_MatchesEnvironmentCanadasExample()
    {
        // Humidex article (Environment Canada's formula): 30 °C with a 15 °C dew point gives 34.
        var (_, fromDewPoint, _) = Compute("humidex", "--temperature", "30", "--dew-point", "15");
        var humidity = Compute("dew-point", "--temperature", "30", "--humidity", "40").Json.GetProperty("value").GetDouble();
        var (_, fromHumidity, _) = Compute("humidex", "--temperature", "30", "--dew-point", humidity.ToString("R", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(34, Math.Round(fromDewPoint.GetProperty("value").GetDouble()));
        Assert.Equal("some discomfort", fromDewPoint.GetProperty("category").GetString());
        Assert.Equal(
            fromHumidity.GetProperty("value").GetDouble(),
            Compute("humidex", "--temperature", "30", "--humidity", "40").Json.GetProperty("value").GetDouble(),
            6);
    }

    [Fact]
    public void Utci_WithoutMeanRadiantTemperature_SaysItWasAssumed()
    {
        var (_, assumed, _) = Compute("utci", "--temperature", "30", "--humidity", "50", "--wind-speed", "1");
        var (_, given, _) = Compute("utci", "--temperature", "30", "--humidity", "50", "--wind-speed", "1", "--mean-radiant-temperature", "30");
        var (_, sunny, _) = Compute("utci", "--temperature", "30", "--humidity", "50", "--wind-speed", "1", "--mean-radiant-temperature", "50");

        Assert.True(assumed.GetProperty("meanRadiantTemperatureAssumed").GetBoolean());
        Assert.False(given.GetProperty("meanRadiantTemperatureAssumed").GetBoolean());
        Assert.Equal(assumed.GetProperty("value").GetDouble(), given.GetProperty("value").GetDouble(), 9);
        Assert.True(sunny.GetProperty("value").GetDouble() > given.GetProperty("value").GetDouble() + 3);
        Assert.Equal("moderate heat stress", given.GetProperty("category").GetString());
    }

    [Fact]
    public void Runoff_FiveInchesOnCurveNumber80_MatchesTr55Table21()
    {
        // USDA TR-55 (1986) Table 2-1: P = 5.0 in, CN = 80 gives Q = 2.89 in = 73.4 mm.
        var (code, json, _) = Compute("runoff", "--rainfall", "127", "--curve-number", "80");

        Assert.Equal(0, code);
        Assert.Equal(2.89 * 25.4, json.GetProperty("value").GetDouble(), 0);
        Assert.Equal("mm", json.GetProperty("unit").GetString());
    }

    [Fact]
    public void Runoff_RatioFivePercent_ConvertsTheCurveNumberAndGivesLessRunoff()
    {
        var standard = Compute("runoff", "--rainfall", "127", "--curve-number", "80").Json.GetProperty("value").GetDouble();
        var (code, json, _) = Compute("runoff", "--rainfall", "127", "--curve-number", "80", "--initial-abstraction-ratio", "0.05");

        Assert.Equal(0, code);
        Assert.NotEqual(standard, json.GetProperty("value").GetDouble(), 3);
    }

    [Fact]
    public void Aqi_Atmo_IsTheWorstPollutantsBandNamedAsTheArreteNamesIt()
    {
        // Arrêté du 10 juillet 2020, annexe I: PM2.5 daily mean 22 µg/m³ is "Dégradé" (20–25), NO2 50 µg/m³ "Moyen" (40–90).
        var (code, json, _) = Compute("aqi", "--scheme", "atmo", "--pm25", "22", "--no2", "50");

        Assert.Equal(0, code);
        Assert.Equal(3, json.GetProperty("value").GetInt32());
        Assert.Equal("Dégradé", json.GetProperty("category").GetString());
        Assert.Equal(["pm2.5"], json.GetProperty("pollutants").EnumerateArray().Select(pollutant => pollutant.GetString()));
        Assert.Equal("Moyen", json.GetProperty("subIndices").GetProperty("no2").GetString());
    }

    [Fact]
    public void RetentionVolume_WorkedExample_MatchesTheHandComputation()
    {
        // Méthode des pluies by hand: a = 15.096, b = 0.803, Ca = 0.8, A = 2 ha, qs = 20 l/s; dV/dt = 0 at
        // t* = (10·1.6·15.096·0.197 / 1.2)^(1/0.803) = 97.8 min, V = 10·1.6·15.096·97.8^0.197 − 1.2·97.8 = 478.4 m³.
        var (code, json, _) = Compute("retention-volume", "--area", "2", "--runoff-coefficient", "0.8", "--outflow", "20", "--montana-a", "15.096", "--montana-b", "0.803");

        Assert.Equal(0, code);
        Assert.Equal(478.4, json.GetProperty("value").GetDouble(), 1);
        Assert.Equal("m3", json.GetProperty("unit").GetString());
        Assert.Equal(97.8, json.GetProperty("criticalDurationMinutes").GetDouble(), 1);
    }

    [Theory]
    [InlineData("error: --humidity:", "wet-bulb", "--temperature", "20", "--humidity", "150")]
    [InlineData("error: --curve-number:", "runoff", "--rainfall", "10", "--curve-number", "120")]
    [InlineData("error: --montana-b:", "retention-volume", "--area", "2", "--runoff-coefficient", "0.8", "--outflow", "20", "--montana-a", "15", "--montana-b", "1.2")]
    [InlineData("--initial-abstraction-ratio must be 0.2 or 0.05", "runoff", "--rainfall", "10", "--curve-number", "80", "--initial-abstraction-ratio", "0.1")]
    [InlineData("give either --humidity or --dew-point", "humidex", "--temperature", "30")]
    [InlineData("give at least one of --pm25", "aqi", "--scheme", "eaqi")]
    [InlineData("'foo'", "aqi", "--scheme", "foo", "--pm10", "3")]
    public void Compute_RefusedInput_ExitsWithOneAndNamesTheOption(string expected, params string[] arguments)
    {
        var (code, _, error) = Compute(arguments);

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static (int Code, JsonElement Json, string Error) Compute(params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = new RootCommand { ComputeCommand.Create() }
            .Parse(["compute", .. arguments])
            .Invoke(new InvocationConfiguration { Output = output, Error = error });
        var text = output.ToString();
        // A refused command prints its help on the output, not JSON.
        return (code, code == 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, error.ToString());
    }
}
