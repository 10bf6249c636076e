using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Comfort;
using UrbanSensing.Protocol;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// <c>urbansensing analyze comfort</c> and <c>analyze aqi</c> against an in-process service over the shipped Lille
/// registry and a DuckDB file seeded with hourly values whose indices are published examples: Lomme's air on the
/// afternoon of 12 August 2025, Fives' PM2.5, PM10 and NO2 from 3 to 5 November 2025 (Paris days).
/// </summary>
[Collection(InProcessApplications.Name)]
public sealed class AnalyzeComfortAndAirQualityTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // 14:00 to 18:00 CEST on 12 August 2025.
    private static readonly DateTimeOffset AugustFrom = new(2025, 8, 12, 14, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset AugustTo = new(2025, 8, 12, 18, 0, 0, TimeSpan.FromHours(2));

    // Local days 3, 4 and 5 November 2025 (CET).
    private static readonly DateTimeOffset NovemberFrom = new(2025, 11, 3, 0, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateTimeOffset NovemberTo = new(2025, 11, 6, 0, 0, 0, TimeSpan.FromHours(1));

    // The two devices the registry places at Lomme.
    private static readonly string[] LommeDevices = ["lille-0009", "lille-0020"];

    private SeededService? _service;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _service = await SeededService.StartAsync([.. AugustReadings(), .. NovemberReadings()], Token);

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task Comfort_Csv_GivesEachHoursIndicesFromTheSitesDevicesAveraged()
    {
        var output = Path.Combine(_service!.Folder, "comfort.csv");

        var (code, _, error) = await AnalyzeAsync("comfort", "--site", "lomme", "--from", SeededService.Iso(AugustFrom), "--to", SeededService.Iso(AugustTo), "--output", output);

        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(output, Token);
        Assert.Equal("site,time,temperature,humidity,dew_point,heat_index,heat_index_category,humidex,humidex_category,wet_bulb", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Equal(["lomme", "lomme", "lomme", "lomme"], rows.Select(row => row[0]));
        Assert.Equal(["2025-08-12T14:00:00+02:00", "2025-08-12T15:00:00+02:00", "2025-08-12T16:00:00+02:00", "2025-08-12T17:00:00+02:00"], rows.Select(row => row[1]));

        // 14:00: the devices' 34 and 36 °C, 68 and 72 % average to 35 °C and 70 %, MetPy's test_heat_index_units:
        // 50.3405 °C, NWS "danger" (103–125 °F). Environment Canada rates a humidex of about 51 as dangerous (46–54).
        var hot = rows[0];
        Assert.Equal(["35", "70"], hot[2..4]);
        Assert.Equal(50.3405, Number(hot[5]), 0.0006);
        Assert.Equal("danger", hot[6]);
        Assert.Equal("dangerous", hot[8]);

        // 15:00: 30 °C with a dew point of 15 °C, Environment Canada's example: a humidex of 34, "some discomfort"
        // (30–39). The NWS chart gives 85 °F at 86 °F and 40 %: "caution" (80–90 °F).
        var humid = rows[1];
        Assert.Equal(15, Number(humid[4]), 0.001);
        Assert.Equal(34, Math.Round(Number(humid[7])));
        Assert.Equal("some discomfort", humid[8]);
        Assert.Equal("caution", humid[6]);

        // 16:00: 20 °C and 50 %, Stull's (2011) worked example: a wet-bulb temperature of 13.7 °C.
        var mild = rows[2];
        Assert.Equal(13.7, Number(mild[9]), 0.05);
        Assert.Equal("none", mild[6]);
        Assert.Equal("little or no discomfort", mild[8]);

        // 17:00: 3 % is below Stull's range (5–99 %): no wet-bulb temperature, the other indices still given.
        var dry = rows[3];
        Assert.Equal(string.Empty, dry[9]);
        Assert.NotEqual(string.Empty, dry[4]);
        Assert.NotEqual(string.Empty, dry[5]);
        Assert.Contains("1 sites, 4 site-hours", error, StringComparison.Ordinal);
        Assert.Contains("heat index: 2 h none, 1 h caution, 1 h danger", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comfort_Json_SummarisesTheHoursInEachCategoryPerSite()
    {
        var output = Path.Combine(_service!.Folder, "comfort.json");

        var (code, _, error) = await AnalyzeAsync("comfort", "--from", SeededService.Iso(AugustFrom), "--to", SeededService.Iso(AugustTo), "--output", output);

        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output, Token));
        var hours = report.RootElement.GetProperty("hours").EnumerateArray().ToList();
        // Without --site every site with both quantities, in the registry's order: Fives' one hour, then Lomme's four.
        Assert.Equal(["fives", "lomme", "lomme", "lomme", "lomme"], hours.Select(hour => hour.GetProperty("site").GetString()));
        Assert.Equal(JsonValueKind.Null, hours[4].GetProperty("wetBulb").ValueKind);
        Assert.Equal("2025-08-12T15:00:00+02:00", hours[0].GetProperty("time").GetString());
        var summary = report.RootElement.GetProperty("summary").EnumerateArray().ToList();
        var lomme = summary.Single(site => site.GetProperty("site").GetString() == "lomme");
        Assert.Equal(4, lomme.GetProperty("hours").GetInt32());
        var heatIndex = lomme.GetProperty("heatIndex");
        Assert.Equal(2, heatIndex.GetProperty("none").GetInt32());
        Assert.Equal(1, heatIndex.GetProperty("caution").GetInt32());
        Assert.Equal(0, heatIndex.GetProperty("extreme caution").GetInt32());
        Assert.Equal(1, heatIndex.GetProperty("danger").GetInt32());
        var humidex = lomme.GetProperty("humidex");
        Assert.Equal(2, humidex.GetProperty("little or no discomfort").GetInt32());
        Assert.Equal(1, humidex.GetProperty("some discomfort").GetInt32());
        Assert.Equal(1, humidex.GetProperty("dangerous").GetInt32());
        Assert.Equal(1, summary.Single(site => site.GetProperty("site").GetString() == "fives").GetProperty("hours").GetInt32());
    }

    [Fact]
    public async Task Aqi_AtmoCsv_RatesPmOnDailyMeansAndLeavesADayWithoutDataCaptureEmpty()
    {
        var output = Path.Combine(_service!.Folder, "atmo.csv");

        var (code, _, error) = await AnalyzeAsync("aqi", "--scheme", "atmo", "--from", SeededService.Iso(NovemberFrom), "--to", SeededService.Iso(NovemberTo), "--output", output);

        Assert.True(code == 0, error);
        // Arrêté du 10 juillet 2020, Annexe I: PM2.5 daily mean 22 is in 20 < c ≤ 25, Dégradé; PM10 30 Moyen; NO2 on
        // its daily maximum, 60, Moyen; O3 on its daily maximum, 40, Bon. 4 November has 12 PM2.5 hours of the 18
        // needed; PM10 50 is Dégradé (≤ 50). On 5 November O3 peaks at 135 µg/m³ in the afternoon, Mauvais (130 < c ≤ 240).
        Assert.Equal(
            [
                "site,date,index,band,pollutants,pm25,pm25_band,pm10,pm10_band,no2,no2_band,o3,o3_band,so2,so2_band,reason",
                "fives,2025-11-03,3,Dégradé,pm2.5,22,Dégradé,30,Moyen,60,Moyen,40,Bon,,,",
                "fives,2025-11-04,,,,,,50,Dégradé,20,Bon,40,Bon,,,\"pm2.5: 12 hourly values, 18 needed\"",
                "fives,2025-11-05,4,Mauvais,o3,4,Bon,10,Bon,8,Bon,135,Mauvais,,,",
            ],
            await File.ReadAllLinesAsync(output, Token));
        Assert.Contains("ATMO: 1 sites, 3 site-days", error, StringComparison.Ordinal);
        Assert.Contains("2 with an index (Dégradé 1, Mauvais 1), 1 without", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aqi_EaqiJson_RatesEachDaysWorstHourAndCountsWhoExceedances()
    {
        var output = Path.Combine(_service!.Folder, "eaqi.json");

        var (code, _, error) = await AnalyzeAsync("aqi", "--scheme", "eaqi", "--site", "fives", "--from", SeededService.Iso(NovemberFrom), "--to", SeededService.Iso(NovemberTo), "--output", output);

        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output, Token));
        Assert.Equal("2024 revision", report.RootElement.GetProperty("table").GetString());
        Assert.Contains("rates the pollutants it measures", report.RootElement.GetProperty("note").GetString(), StringComparison.Ordinal);
        var days = report.RootElement.GetProperty("days").EnumerateArray().ToList();
        // EEA 2024 bands on hourly values: 3 November's worst hours are PM2.5 24 (16–50, Moderate) and NO2 60 (26–60,
        // Moderate), a tie; PM10 30 is Fair (16–45).
        Assert.Equal(3, days[0].GetProperty("index").GetInt32());
        Assert.Equal("Moderate", days[0].GetProperty("band").GetString());
        Assert.Equal(["pm2.5", "no2"], days[0].GetProperty("pollutants").EnumerateArray().Select(pollutant => pollutant.GetString()));
        Assert.Equal(24, days[0].GetProperty("subIndices").GetProperty("pm2.5").GetProperty("value").GetDouble());
        Assert.Equal("Fair", days[0].GetProperty("subIndices").GetProperty("pm10").GetProperty("band").GetString());
        Assert.Equal(JsonValueKind.Null, days[1].GetProperty("index").ValueKind);
        Assert.Equal(12, days[1].GetProperty("hours").GetProperty("pm2.5").GetInt32());
        Assert.Equal("pm2.5: 12 hourly values, 18 needed", days[1].GetProperty("reason").GetString());
        // 5 November's worst hours are O3 at 135 µg/m³, Poor (120–160); everything else is Good.
        Assert.Equal("Poor", days[2].GetProperty("band").GetString());
        Assert.Equal(["o3"], days[2].GetProperty("pollutants").EnumerateArray().Select(pollutant => pollutant.GetString()));

        // WHO 2021 24-hour levels 15, 45 and 25 µg/m³: PM2.5 22 on 3 November (4 November fails data capture), PM10
        // 50 on 4 November, NO2 (23 × 30 + 60) / 24 = 31.25 on 3 November.
        var who = report.RootElement.GetProperty("who").EnumerateArray().ToDictionary(entry => entry.GetProperty("pollutant").GetString()!);
        Assert.Equal(15, who["pm2.5"].GetProperty("level").GetDouble());
        Assert.Equal(2, who["pm2.5"].GetProperty("validDays").GetInt32());
        Assert.Equal(1, who["pm2.5"].GetProperty("exceedances").GetInt32());
        Assert.Equal(3, who["pm10"].GetProperty("validDays").GetInt32());
        Assert.Equal(1, who["pm10"].GetProperty("exceedances").GetInt32());
        Assert.Equal(1, who["no2"].GetProperty("exceedances").GetInt32());
        Assert.False(who["no2"].GetProperty("meetsGuideline").GetBoolean());
        // O3 against the WHO's 8-hour level of 100 µg/m³: 5 November's daily maximum 8-hour mean is 135.
        Assert.Equal(100, who["o3"].GetProperty("level").GetDouble());
        Assert.Equal(1, who["o3"].GetProperty("exceedances").GetInt32());
        Assert.StartsWith("daily maximum of the 8-hour running means", who["o3"].GetProperty("averaging").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("daily mean of the hourly means", who["pm2.5"].GetProperty("averaging").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aqi_NamedSiteWithoutReadings_ReportsEachDayWithTheReason()
    {
        var output = Path.Combine(_service!.Folder, "lomme-aqi.csv");

        var (code, _, error) = await AnalyzeAsync("aqi", "--scheme", "atmo", "--site", "lomme", "--from", SeededService.Iso(NovemberFrom), "--to", SeededService.Iso(NovemberTo), "--output", output);

        Assert.True(code == 0, error);
        var rows = (await File.ReadAllLinesAsync(output, Token)).Skip(1).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Matches("^lomme,2025-11-0[345],,,,,,,,,,,,,,no pm2.5, pm10, no2, o3 or so2 readings at this site$", row.Replace("\"", string.Empty, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("--site: unknown site 'nowhere'; allowed values: vieux-lille,", "comfort", "--site", "nowhere", "--from", "2025-08-12T00:00:00Z", "--to", "2025-08-13T00:00:00Z", "--output", "never.csv")]
    [InlineData("--site: unknown site 'nowhere'; allowed values: vieux-lille,", "aqi", "--scheme", "atmo", "--site", "fives", "nowhere", "--from", "2025-11-03T00:00:00Z", "--to", "2025-11-04T00:00:00Z", "--output", "never.csv")]
    [InlineData("--scheme: unknown scheme 'aqhi'; allowed values: eaqi (European Air Quality Index, 2024 revision), atmo", "aqi", "--scheme", "aqhi", "--from", "2025-11-03T00:00:00Z", "--to", "2025-11-04T00:00:00Z", "--output", "never.csv")]
    [InlineData("--from (2025-11-04T00:00:00.0000000+00:00) must be before --to (2025-11-03T00:00:00.0000000+00:00)", "aqi", "--scheme", "eaqi", "--from", "2025-11-04T00:00:00Z", "--to", "2025-11-03T00:00:00Z", "--output", "never.csv")]
    [InlineData("--from (2025-08-13T00:00:00.0000000+00:00) must be before --to", "comfort", "--from", "2025-08-13T00:00:00Z", "--to", "2025-08-12T00:00:00Z", "--output", "never.csv")]
    public async Task Analyze_RefusedInput_ExitsWithOneAndNamesTheOption(string expected, params string[] arguments)
    {
        var (code, _, error) = await AnalyzeAsync(arguments);

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists("never.csv"));
    }

    [Fact]
    public async Task ApiComfort_Json_IsWhatAnalyzeWrites()
    {
        var output = Path.Combine(_service!.Folder, "comfort-api.json");
        var (code, _, error) = await AnalyzeAsync("comfort", "--site", "lomme", "--from", SeededService.Iso(AugustFrom), "--to", SeededService.Iso(AugustTo), "--output", output);
        Assert.True(code == 0, error);

        using var response = await _service.SendAsync(HttpMethod.Get, $"/api/v1/analyses/comfort?site=lomme&from={SeededService.Query(AugustFrom)}&to={SeededService.Query(AugustTo)}", null, Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(4, json.RootElement.GetProperty("hours").GetArrayLength());
        Assert.Equal(await File.ReadAllTextAsync(output, Token), body);
    }

    [Fact]
    public async Task ApiAqi_Csv_IsWhatAnalyzeWrites()
    {
        var output = Path.Combine(_service!.Folder, "aqi-api.csv");
        var (code, _, error) = await AnalyzeAsync("aqi", "--scheme", "atmo", "--from", SeededService.Iso(NovemberFrom), "--to", SeededService.Iso(NovemberTo), "--output", output);
        Assert.True(code == 0, error);

        using var response = await _service.SendAsync(HttpMethod.Get, $"/api/v1/analyses/aqi?scheme=atmo&from={SeededService.Query(NovemberFrom)}&to={SeededService.Query(NovemberTo)}&format=csv", null, Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains(",Dégradé,", body, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(output, Token), body);
    }

    /// <summary>Lomme's two devices from 14:00 to 17:00 CEST on 12 August 2025, one reading each an hour; Fives' one device at 15:00.</summary>
    private static IEnumerable<Reading> AugustReadings()
    {
        // 30 °C at the relative humidity whose dew point is 15 °C (Bolton's e_s, as the library inverts it).
        var dewPoint15 = Psychrometrics.RelativeHumidity(30, 15);
        (double Temperature, double Humidity)[][] lomme =
        [
            [(34, 68), (36, 72)],
            [(30, dewPoint15), (30, dewPoint15)],
            [(20, 50), (20, 50)],
            [(20, 3), (20, 3)],
        ];
        var sequence = 0L;
        for (var index = 0; index < lomme.Length; index++)
        {
            var time = AugustFrom.AddHours(index).AddMinutes(30);
            foreach (var (device, (temperature, humidity)) in LommeDevices.Zip(lomme[index]))
            {
                yield return new Reading(device, "sht31", Quantities.AirTemperature, time, temperature, sequence++);
                yield return new Reading(device, "sht31", Quantities.RelativeHumidity, time, humidity, sequence++);
            }
        }

        yield return new Reading("lille-0005", "sht31", Quantities.AirTemperature, AugustFrom.AddHours(1).AddMinutes(30), 25, sequence++);
        yield return new Reading("lille-0005", "sht31", Quantities.RelativeHumidity, AugustFrom.AddHours(1).AddMinutes(30), 50, sequence);
    }

    /// <summary>
    /// Fives (lille-0005 PM, lille-0016 NO2), one reading an hour. 3 November: PM2.5 20 and 24 by turns (mean 22, maximum
    /// 24), PM10 30, NO2 30 but 60 at 08:00. 4 November: PM2.5 10 until noon only, PM10 50, NO2 20. 5 November: 4, 10, 8.
    /// </summary>
    private static IEnumerable<Reading> NovemberReadings()
    {
        var sequence = 0L;
        for (var hour = NovemberFrom; hour < NovemberTo; hour = hour.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(hour, Paris);
            var time = hour.AddMinutes(20);
            var (pm25, pm10, no2) = local.Day switch
            {
                3 => (local.Hour % 2 == 0 ? 20.0 : 24.0, 30.0, local.Hour == 8 ? 60.0 : 30.0),
                4 => (local.Hour < 12 ? 10.0 : (double?)null, 50.0, 20.0),
                _ => (4.0, 10.0, 8.0),
            };
            if (pm25 is { } value)
            {
                yield return new Reading("lille-0005", "sps30", Quantities.Pm25, time, value, sequence++);
            }

            yield return new Reading("lille-0005", "sps30", Quantities.Pm10, time, pm10, sequence++);
            yield return new Reading("lille-0016", "no2-b43f", Quantities.NitrogenDioxide, time, no2, sequence++);

            // Ozone at 40 µg/m³, except from 12:00 to 19:59 on 5 November at 135: eight hours whose mean exceeds the WHO's 100.
            var o3 = local.Day == 5 && local.Hour is >= 12 and < 20 ? 135.0 : 40.0;
            yield return new Reading("lille-0016", "ox-b431", Quantities.Ozone, time, o3, sequence++);
        }
    }

    private Task<(int Code, string Output, string Error)> AnalyzeAsync(params string[] arguments) => _service!.AnalyzeAsync(arguments, Token);

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
}
