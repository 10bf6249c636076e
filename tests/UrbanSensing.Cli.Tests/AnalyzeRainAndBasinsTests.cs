using System.Globalization;
using System.Text.Json;
using UrbanSensing.Protocol;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// <c>urbansensing analyze rain</c> and <c>analyze basins</c> against an in-process service over the shipped Lille
/// registry, seeded with a rain gauge's tips at Parc de la Citadelle (lille-0010, read every minute from 6 to 9 October
/// 2025 UTC) and a basin's water level on 10 October 2025, with answers worked out in the comments.
/// </summary>
[Collection(InProcessApplications.Name)]
public sealed class AnalyzeRainAndBasinsTests : IAsyncLifetime
{
    private const string Gauge = "lille-0010";

    private static readonly DateTimeOffset RainFrom = new(2025, 10, 6, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RainTo = new(2025, 10, 9, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LevelFrom = new(2025, 10, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LevelTo = new(2025, 10, 11, 0, 0, 0, TimeSpan.Zero);

    private static readonly int[] PeakMinutes = [6, 15, 30, 60];

    private SeededService? _service;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _service = await SeededService.StartAsync([.. RainReadings(), .. LevelReadings()], Token);

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task Rain_Csv_SeparatesEventsByTheDryGapAndMergesCloserOnes()
    {
        var output = Path.Combine(_service!.Folder, "rain.csv");

        var (code, _, error) = await AnalyzeAsync("rain", "--from", SeededService.Iso(RainFrom), "--to", SeededService.Iso(RainTo), "--tz", "UTC", "--curve-number", "80", "--output", output);

        Assert.True(code == 0, error);
        Assert.Contains("example coefficients, not Lille-Lesquin's", error, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output, Token);
        var header = lines[0].Split(',');
        Assert.Equal(["site", "device", "start", "end", "duration_h", "tips", "depth_mm", "mean_intensity_mm_h", "antecedent_dry_days", "peak_6min_mm_h", "return_period_6min_status"], header[..11]);
        var rows = lines.Skip(1).Select(line => header.Zip(line.Split(',')).ToDictionary(pair => pair.First, pair => pair.Second)).ToList();

        // 6 Oct 10:01–11:00, 7 Oct 10:00:15–10:30 and 8 Oct 06:01–09:10 (two showers 2 h 51 min apart, one event); the
        // out-of-range reading of 8 Oct 20:00:30 is flagged and left out, else it would make a fourth.
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal("parc-citadelle", row["site"]));
        Assert.Equal(["2025-10-06T10:01:00+00:00", "2025-10-07T10:00:15+00:00", "2025-10-08T06:01:00+00:00"], rows.Select(row => row["start"]));
        Assert.Equal(["2025-10-06T11:00:00+00:00", "2025-10-07T10:30:00+00:00", "2025-10-08T09:10:00+00:00"], rows.Select(row => row["end"]));
        Assert.Equal(["60", "120", "20"], rows.Select(row => row["tips"]));
        Assert.Equal([12, 24, 4], rows.Select(row => Number(row["depth_mm"])));

        // Antecedent dry period: none before the first event; 6 Oct 11:00 to 7 Oct 10:00:15 and 7 Oct 10:30 to 8 Oct 06:01.
        Assert.Equal(string.Empty, rows[0]["antecedent_dry_days"]);
        Assert.Equal(ReportRounded(new TimeSpan(23, 0, 15).TotalDays), Number(rows[1]["antecedent_dry_days"]));
        Assert.Equal(ReportRounded(new TimeSpan(19, 31, 0).TotalDays), Number(rows[2]["antecedent_dry_days"]));

        // The burst of 7 Oct: 4 tips a minute (0.8 mm/min) for 30 min is 48 mm/h over 6, 15 and 30 min and 24 mm/h over 60 min.
        var burst = rows[1];
        Assert.Equal([48, 48, 48, 24], PeakMinutes.Select(minutes => Number(burst[$"peak_{minutes}min_mm_h"])));

        // Return periods on the shipped example (ASTEE 2017, Tableau 31, 30 min to 6 h): no fit below 30 min, and at
        // 30 min 48 mm/h lies between T = 5 years (i = 60·10.874·30^−0.779 ≈ 46.1 mm/h) and T = 10 years
        // (60·15.096·30^−0.803 ≈ 59.0 mm/h), interpolated in ln T.
        Assert.Equal("duration-not-fitted", burst["return_period_6min_status"]);
        Assert.Equal("duration-not-fitted", burst["return_period_15min_status"]);
        Assert.Equal("interpolated", burst["return_period_30min_status"]);
        var (i5, i10) = (60 * 10.874 * Math.Pow(30, -0.779), 60 * 15.096 * Math.Pow(30, -0.803));
        var expectedYears = Math.Exp(Math.Log(5) + ((48 - i5) / (i10 - i5) * Math.Log(2)));
        Assert.Equal(ReportRounded(expectedYears), Number(burst["return_period_30min_years"]));
        Assert.Equal("below-minimum", rows[0]["return_period_30min_status"]);
        Assert.Equal("5", rows[0]["return_period_30min_bound_years"]);

        // SCS, CN 80: S = 25400/80 − 254 = 63.5 mm, Ia = 12.7 mm; 24 mm gives 11.3²/(11.3 + 63.5) = 1.707 mm, 12 mm none.
        Assert.Equal([0, 1.707, 0], rows.Select(row => Number(row["runoff_mm"])));
    }

    [Fact]
    public async Task Rain_Json_SaysTheCoefficientsAreAnExampleAndMergesWithALongerDryGap()
    {
        var output = Path.Combine(_service!.Folder, "rain.json");

        var (code, _, error) = await AnalyzeAsync("rain", "--site", "parc-citadelle", "--from", SeededService.Iso(RainFrom), "--to", SeededService.Iso(RainTo), "--inter-event-hours", "20", "--output", output);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output, Token));
        var station = json.RootElement.GetProperty("station");
        Assert.True(station.GetProperty("isExample").GetBoolean());
        Assert.Equal("example coefficients, not Lille-Lesquin's", station.GetProperty("notice").GetString());

        // With 20 h, the 19 h 31 min gap before 8 Oct no longer separates: 24 + 4 mm in one event.
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal([12, 28], events.Select(rain => rain.GetProperty("depthMm").GetDouble()));
        Assert.Equal("2025-10-08T11:10:00+02:00", events[1].GetProperty("end").GetString());
        var gauge = Assert.Single(json.RootElement.GetProperty("gauges").EnumerateArray());
        Assert.Equal(Gauge, gauge.GetProperty("device").GetString());
        Assert.Equal(200, gauge.GetProperty("tips").GetInt32());
    }

    [Fact]
    public async Task Basins_Csv_GivesFillWarningAndDrawdownFromTheLevelReadings()
    {
        var basins = await BasinsFileAsync(Basin());
        var output = Path.Combine(_service!.Folder, "basins.csv");

        var (code, _, error) = await AnalyzeAsync("basins", "--from", SeededService.Iso(LevelFrom), "--to", SeededService.Iso(LevelTo), "--tz", "UTC", "--basins", basins, "--output", output);

        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(output, Token);
        Assert.Equal(2, lines.Length);
        var header = lines[0].Split(',');
        var row = header.Zip(lines[1].Split(',')).ToDictionary(pair => pair.First, pair => pair.Second);
        Assert.Equal("citadelle-nord", row["basin"]);

        // Capacity: the volume at the 1.2 m overflow, 100 + 0.7/1.0 · 400 = 380 m³. Latest, 21:00: 0.3 m, 60 m³, 0.158.
        Assert.Equal(380, Number(row["capacity_m3"]));
        Assert.Equal("2025-10-10T21:00:00+00:00", row["latest_time"]);
        Assert.Equal(0.3, Number(row["latest_level_m"]));
        Assert.Equal(ReportRounded(60.0 / 380), Number(row["latest_fraction"]));
        Assert.Equal("false", row["above_warning"]);

        // Fullest at 05:00: 1.1 m, 100 + 0.6 · 400 = 340 m³, 0.895 of capacity, above the 0.8 warning. The 5 m spike at
        // 12:05 is flagged and left out; the other readings are flagged unregistered only, and kept.
        Assert.Equal("2025-10-10T05:00:00+00:00", row["max_time"]);
        Assert.Equal(1.1, Number(row["max_level_m"]));
        Assert.Equal(340, Number(row["max_volume_m3"]));
        Assert.Equal(ReportRounded(340.0 / 380), Number(row["max_fraction"]));
        Assert.Equal("true", row["max_above_warning"]);

        // One falling limb, 1.1 to 0.3 m in 16 h: 50 mm/h, twice the design 25 mm/h, on a straight line.
        Assert.Equal("1", row["limbs"]);
        Assert.Equal(50, Number(row["last_drawdown_mm_h"]));
        Assert.Equal(2, Number(row["last_drawdown_ratio"]));
        Assert.Equal(1, Number(row["last_drawdown_r2"]));
    }

    [Fact]
    public async Task Basins_Json_GivesEachLimbsDrawdown()
    {
        var basins = await BasinsFileAsync(Basin(warningFraction: "0.95"));
        var output = Path.Combine(_service!.Folder, "basins.json");

        var (code, _, error) = await AnalyzeAsync("basins", "--from", SeededService.Iso(LevelFrom), "--to", SeededService.Iso(LevelTo), "--basins", basins, "--output", output);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output, Token));
        var basin = Assert.Single(json.RootElement.GetProperty("basins").EnumerateArray());
        Assert.False(basin.GetProperty("maximum").GetProperty("aboveWarning").GetBoolean());
        Assert.Equal(1, basin.GetProperty("flaggedReadingsLeftOut").GetInt32());
        var drawdown = Assert.Single(basin.GetProperty("drawdowns").EnumerateArray());
        Assert.Equal("2025-10-10T07:00:00+02:00", drawdown.GetProperty("limbStart").GetString());
        Assert.Equal("2025-10-10T23:00:00+02:00", drawdown.GetProperty("limbEnd").GetString());
        Assert.Equal(97, drawdown.GetProperty("points").GetInt32());
        Assert.Equal(50, drawdown.GetProperty("rateMmPerHour").GetDouble(), 0.001);
    }

    [Theory]
    [InlineData("--site: unknown site 'nowhere'; allowed values: vieux-lille,", "rain", "--site", "nowhere", "--from", "2025-10-06T00:00:00Z", "--to", "2025-10-07T00:00:00Z", "--output", "never.csv")]
    [InlineData("--from (2025-10-07T00:00:00.0000000+00:00) must be before --to", "rain", "--from", "2025-10-07T00:00:00Z", "--to", "2025-10-06T00:00:00Z", "--output", "never.csv")]
    [InlineData("--curve-number: 0 is not a curve number in (0, 100]", "rain", "--curve-number", "0", "--from", "2025-10-06T00:00:00Z", "--to", "2025-10-07T00:00:00Z", "--output", "never.csv")]
    [InlineData("--curve-number: 100.5 is not a curve number in (0, 100]", "rain", "--curve-number", "100.5", "--from", "2025-10-06T00:00:00Z", "--to", "2025-10-07T00:00:00Z", "--output", "never.csv")]
    [InlineData("--inter-event-hours: 0 is not a number of hours", "rain", "--inter-event-hours", "0", "--from", "2025-10-06T00:00:00Z", "--to", "2025-10-07T00:00:00Z", "--output", "never.csv")]
    [InlineData("--from (2025-10-11T00:00:00.0000000+00:00) must be before --to", "basins", "--basins", "none.json", "--from", "2025-10-11T00:00:00Z", "--to", "2025-10-10T00:00:00Z", "--output", "never.csv")]
    public async Task Analyze_RefusedInput_ExitsWithOneAndNamesTheOption(string expected, params string[] arguments)
    {
        var (code, _, error) = await AnalyzeAsync(arguments);

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists("never.csv"));
    }

    [Theory]
    [InlineData("basin 'citadelle-nord': overflowLevelM: The overflow level is above the bottom of the table and within it", """{ "overflowLevelM": 2 }""")]
    [InlineData("basin 'citadelle-nord': warningFraction: A warning threshold is a fraction of capacity in (0, 1]", """{ "warningFraction": 1.5 }""")]
    [InlineData("basin 'citadelle-nord': designInfiltrationMmPerHour: a number of mm/h is required", """{ "designInfiltrationMmPerHour": null }""")]
    [InlineData("basin 'citadelle-nord': designInfiltrationMmPerHour: -1 is not a rate above 0 mm/h", """{ "designInfiltrationMmPerHour": -1 }""")]
    [InlineData("basin 'citadelle-nord': stageStorage: Row 2: levels and volumes are strictly increasing", """{ "stageStorage": [{ "levelM": 0, "volumeM3": 0 }, { "levelM": 0.5, "volumeM3": 100 }, { "levelM": 0.4, "volumeM3": 500 }] }""")]
    [InlineData("basin 'citadelle-nord': stageStorage[1].volumeM3: \"lots\" is not a number", """{ "stageStorage": [{ "levelM": 0, "volumeM3": 0 }, { "levelM": 0.5, "volumeM3": "lots" }] }""")]
    [InlineData("basin 'citadelle-nord': sensor: a non-empty string", """{ "sensor": "" }""")]
    public async Task Basins_BadFile_ExitsWithOneNamingTheFileTheBasinAndTheField(string expected, string change)
    {
        var basin = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Basin())!;
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(change)!)
        {
            basin[name] = value;
        }

        var basins = await BasinsFileAsync(JsonSerializer.Serialize(basin));

        var (code, _, error) = await AnalyzeAsync("basins", "--basins", basins, "--from", SeededService.Iso(LevelFrom), "--to", SeededService.Iso(LevelTo), "--output", "never.csv");

        Assert.Equal(1, code);
        Assert.Contains($"--basins: {basins}: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists("never.csv"));
    }

    [Fact]
    public async Task Basins_FileNotJson_ExitsWithOneNamingTheFile()
    {
        var basins = Path.Combine(_service!.Folder, "broken.json");
        await File.WriteAllTextAsync(basins, "{ \"basins\": [", Token);

        var (code, _, error) = await AnalyzeAsync("basins", "--basins", basins, "--from", SeededService.Iso(LevelFrom), "--to", SeededService.Iso(LevelTo), "--output", "never.csv");

        Assert.Equal(1, code);
        Assert.StartsWith($"--basins: {basins}: is not JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiRain_Csv_IsWhatAnalyzeWrites()
    {
        var output = Path.Combine(_service!.Folder, "rain-api.csv");
        var (code, _, error) = await AnalyzeAsync("rain", "--from", SeededService.Iso(RainFrom), "--to", SeededService.Iso(RainTo), "--tz", "UTC", "--curve-number", "80", "--output", output);
        Assert.True(code == 0, error);

        using var response = await _service.SendAsync(HttpMethod.Get, $"/api/v1/analyses/rain?from={SeededService.Query(RainFrom)}&to={SeededService.Query(RainTo)}&tz=UTC&curveNumber=80&format=csv", null, Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body);
        Assert.Equal(4, body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(await File.ReadAllTextAsync(output, Token), body);
    }

    [Fact]
    public async Task ApiBasins_PostedFile_IsWhatAnalyzeWrites()
    {
        var basins = await BasinsFileAsync(Basin());
        var output = Path.Combine(_service!.Folder, "basins-api.json");
        var (code, _, error) = await AnalyzeAsync("basins", "--from", SeededService.Iso(LevelFrom), "--to", SeededService.Iso(LevelTo), "--tz", "UTC", "--basins", basins, "--output", output);
        Assert.True(code == 0, error);

        using var response = await _service.SendAsync(HttpMethod.Post, $"/api/v1/analyses/basins?from={SeededService.Query(LevelFrom)}&to={SeededService.Query(LevelTo)}&tz=UTC", BasinsFile(Basin()), Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.True(Assert.Single(json.RootElement.GetProperty("basins").EnumerateArray()).GetProperty("maximum").GetProperty("aboveWarning").GetBoolean());
        Assert.Equal(await File.ReadAllTextAsync(output, Token), body);
    }

    [Fact]
    public async Task ApiBasins_InvalidBody_Is400NamingTheBasinAndField()
    {
        using var response = await _service!.SendAsync(HttpMethod.Post, $"/api/v1/analyses/basins?from={SeededService.Query(LevelFrom)}&to={SeededService.Query(LevelTo)}", BasinsFile(Basin(warningFraction: "1.5")), Token);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.StartsWith("the request body: basin 'citadelle-nord': warningFraction:", problem.RootElement.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// lille-0010's rain gauge read every minute, 6 Oct 00:00 to 9 Oct 00:00 UTC, each reading the tips since the
    /// previous one: 1 a minute from 6 Oct 10:01 to 11:00 (12 mm), 4 a minute from 7 Oct 10:01 to 10:30 (24 mm; spread
    /// over the minute, the first at 10:00:15), 1 a minute 8 Oct 06:01–06:10 and 09:01–09:10 (2 + 2 mm); and a
    /// reading flagged out of range.
    /// </summary>
    private static IEnumerable<Reading> RainReadings()
    {
        long sequence = 0;
        for (var time = RainFrom; time < RainTo; time += TimeSpan.FromMinutes(1))
        {
            var tips = time switch
            {
                _ when Within(time, "2025-10-06T10:01", "2025-10-06T11:00") => 1,
                _ when Within(time, "2025-10-07T10:01", "2025-10-07T10:30") => 4,
                _ when Within(time, "2025-10-08T06:01", "2025-10-08T06:10") || Within(time, "2025-10-08T09:01", "2025-10-08T09:10") => 1,
                _ => 0,
            };
            yield return new Reading(Gauge, "rg", Quantities.RainGaugeTips, time, tips, sequence++);
        }

        yield return new Reading(Gauge, "rg", Quantities.RainGaugeTips, new DateTimeOffset(2025, 10, 8, 20, 0, 30, TimeSpan.Zero), 20_000, sequence, QualityFlags.OutOfRange);
    }

    /// <summary>
    /// A basin's level every 10 min on 10 Oct (UTC), flagged unregistered as ingestion flags a channel the registry does
    /// not list: 0.1 m to 03:00, up to 1.1 m at 05:00, down 50 mm/h to 0.3 m at 21:00; and a 5 m spike at 12:05.
    /// </summary>
    private static IEnumerable<Reading> LevelReadings()
    {
        long sequence = 0;
        for (var minutes = 0; minutes <= 21 * 60; minutes += 10)
        {
            var hours = minutes / 60.0;
            var level = hours switch
            {
                <= 3 => 0.1,
                <= 5 => 0.1 + (0.5 * (hours - 3)),
                _ => 1.1 - (0.05 * (hours - 5)),
            };
            yield return new Reading(Gauge, "level", Quantities.WaterLevel, LevelFrom.AddMinutes(minutes), Math.Round(level, 6), sequence++, QualityFlags.Unregistered);
        }

        yield return new Reading(Gauge, "level", Quantities.WaterLevel, LevelFrom.AddMinutes((12 * 60) + 5), 5, sequence, QualityFlags.Unregistered | QualityFlags.Spike);
    }

    private static string Basin(string warningFraction = "0.8") => $$"""
        {
          "id": "citadelle-nord",
          "device": "{{Gauge}}",
          "sensor": "level",
          "stageStorage": [{ "levelM": 0, "volumeM3": 0 }, { "levelM": 0.5, "volumeM3": 100 }, { "levelM": 1.5, "volumeM3": 500 }],
          "overflowLevelM": 1.2,
          "warningFraction": {{warningFraction}},
          "designInfiltrationMmPerHour": 25
        }
        """;

    private static string BasinsFile(string basin) => $$"""{ "basins": [{{basin}}] }""";

    private async Task<string> BasinsFileAsync(string basin)
    {
        var path = Path.Combine(_service!.Folder, $"basins-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, BasinsFile(basin), Token);
        return path;
    }

    private static bool Within(DateTimeOffset time, string first, string last) =>
        time >= DateTimeOffset.Parse(first + "Z", CultureInfo.InvariantCulture) && time <= DateTimeOffset.Parse(last + "Z", CultureInfo.InvariantCulture);

    private static double ReportRounded(double value) => Math.Round(value, 3);

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private Task<(int Code, string Output, string Error)> AnalyzeAsync(params string[] arguments) => _service!.AnalyzeAsync(arguments, Token);
}
