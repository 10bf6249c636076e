using System.CommandLine;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UrbanSensing.Analytics.Heat.Spatial;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// <c>urbansensing analyze</c> against an in-process service over the shipped Lille registry and a DuckDB file
/// seeded with temperatures whose heat island and heat waves are known by construction: in October 2025, across the
/// night the clocks fell back in Paris (26 October, 25 hours), and in July 2025 for a Nord heat wave.
/// </summary>
[Collection(InProcessApplications.Name)]
public sealed class AnalyzeCommandTests : IAsyncLifetime
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    // Local days 25, 26 (25 h) and 27 October 2025 in Paris.
    private static readonly DateTimeOffset OctoberFrom = new(2025, 10, 25, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset OctoberTo = new(2025, 10, 28, 0, 0, 0, TimeSpan.FromHours(1));

    // Local days 1 to 10 July 2025 in Paris; 3 to 7 July are hot.
    private static readonly DateTimeOffset JulyFrom = new(2025, 7, 1, 0, 0, 0, TimeSpan.FromHours(2));
    private static readonly DateTimeOffset JulyTo = new(2025, 7, 11, 0, 0, 0, TimeSpan.FromHours(2));

    private SeededService? _service;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _service = await SeededService.StartAsync([.. OctoberReadings(), .. JulyReadings()], Token);

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task Uhi_Csv_GivesEachUrbanSitesDailyAndNocturnalHeatIslandAcrossTheClockChange()
    {
        var output = Path.Combine(_service!.Folder, "uhi.csv");

        var (code, _, error) = await AnalyzeAsync("uhi", "--from", SeededService.Iso(OctoberFrom), "--to", SeededService.Iso(OctoberTo), "--output", output);

        Assert.True(code == 0, error);
        // Vieux-Lille is 4 K warmer than Lille-Lesquin from 21:00 to 06:00 local time and 2 K warmer otherwise: a
        // 24-hour day has 9 night hours, (9·4 + 15·2)/24 = 2.75 K; 26 October has 10 of 25, the repeated 02:00 being
        // two, (10·4 + 15·2)/25 = 2.8 K. Its minimum (night) is 12 °C against 8 °C, its maximum (day) 18 against 16.
        // The night dated 24 October is the early hours of the 25th, that of the 27th its last three hours.
        // Fives' two devices are 0.5 and 1.5 K warmer than the reference: the site is 1 K warmer.
        Assert.Equal(
            [
                "site,district,lcz,date,mean_uhi,night_max_uhi,tmin_uhi,tmax_uhi,hours",
                "vieux-lille,Vieux-Lille,2,2025-10-24,,4,,,0",
                "vieux-lille,Vieux-Lille,2,2025-10-25,2.75,4,4,2,24",
                "vieux-lille,Vieux-Lille,2,2025-10-26,2.8,4,4,2,25",
                "vieux-lille,Vieux-Lille,2,2025-10-27,2.75,4,4,2,24",
                "fives,Fives,3,2025-10-24,,1,,,0",
                "fives,Fives,3,2025-10-25,1,1,1,1,24",
                "fives,Fives,3,2025-10-26,1,1,1,1,25",
                "fives,Fives,3,2025-10-27,1,1,1,1,24",
            ],
            await File.ReadAllLinesAsync(output, Token));
    }

    [Fact]
    public async Task Uhi_Json_SummarisesByLocalClimateZoneAndDistrict()
    {
        var output = Path.Combine(_service!.Folder, "uhi.json");

        var (code, stdout, error) = await AnalyzeAsync("uhi", "--from", SeededService.Iso(OctoberFrom), "--to", SeededService.Iso(OctoberTo), "--output", output);

        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output, Token));
        // Over the 73 hours, 28 of them at night: (28·4 + 45·2)/73 = 202/73 = 2.767 K for LCZ 2 (Vieux-Lille).
        var byLcz = report.RootElement.GetProperty("byLcz").EnumerateArray().ToList();
        Assert.Equal(["2", "3"], byLcz.Select(zone => zone.GetProperty("lcz").GetString()));
        Assert.Equal("Compact midrise", byLcz[0].GetProperty("name").GetString());
        Assert.Equal(2.767, byLcz[0].GetProperty("meanUhi").GetDouble());
        Assert.Equal(73, byLcz[0].GetProperty("hours").GetInt32());
        Assert.Equal(1, byLcz[0].GetProperty("sites").GetInt32());
        Assert.Equal(1, byLcz[1].GetProperty("meanUhi").GetDouble());
        var byDistrict = report.RootElement.GetProperty("byDistrict").EnumerateArray().ToList();
        Assert.Equal(["Fives", "Vieux-Lille"], byDistrict.Select(district => district.GetProperty("district").GetString()));
        Assert.Equal(2.767, byDistrict[1].GetProperty("meanUhi").GetDouble());

        // The night of 25 to 26 October reaches 4 K from its first hour, 21:00 CEST = 19:00 UTC, over 10 hours.
        var night = report.RootElement.GetProperty("days").EnumerateArray()
            .Single(day => day.GetProperty("site").GetString() == "vieux-lille" && day.GetProperty("date").GetString() == "2025-10-25");
        Assert.Equal(new DateTime(2025, 10, 25, 19, 0, 0, DateTimeKind.Utc), night.GetProperty("nightMaxHour").GetDateTime());
        Assert.Equal(10, night.GetProperty("nightHours").GetInt32());
        Assert.Equal(2.75, night.GetProperty("meanUhi").GetDouble());
        Assert.Contains("LCZ 2: +2.767 K over 73 h (1 sites)", stdout, StringComparison.Ordinal);

        // Gi* of the three sites' means (Vieux-Lille 202/73 K, Fives 1 K, Lille-Lesquin the reference at 0 K) at their
        // registry coordinates, as the heat library computes it.
        var registry = _service.Services.GetRequiredService<SensorRegistry>();
        var expected = new GetisOrdGiStar(HeatIslandReport.DefaultHotSpots).Analyze(
            [.. new[] { ("vieux-lille", 202.0 / 73), ("fives", 1.0), ("lille-lesquin", 0.0) }.Select(pair =>
            {
                registry.TryGetSite(pair.Item1, out var site);
                return new Station(site!.Id, site.Latitude, site.Longitude, pair.Item2);
            })]);
        var hotSpots = report.RootElement.GetProperty("hotSpots");
        Assert.Equal(3, hotSpots.GetProperty("distanceBandKm").GetDouble());
        var sites = hotSpots.GetProperty("sites").EnumerateArray().ToDictionary(site => site.GetProperty("site").GetString()!);
        Assert.Equal(3, sites.Count);
        Assert.All(expected, spot =>
        {
            Assert.Equal(Math.Round(spot.ZScore, 3), sites[spot.Station.Id].GetProperty("z").GetDouble());
            Assert.Equal(spot.Neighbours, sites[spot.Station.Id].GetProperty("neighbours").GetInt32());
        });
    }

    [Fact]
    public async Task Uhi_Map_DrawsThePngAndWritesItsCellsAsGeoJsonBetweenTheSitesMeans()
    {
        var (output, png) = (Path.Combine(_service!.Folder, "uhi-map.csv"), Path.Combine(_service!.Folder, "uhi.png"));

        var (code, stdout, error) = await AnalyzeAsync("uhi", "--from", SeededService.Iso(OctoberFrom), "--to", SeededService.Iso(OctoberTo), "--output", output, "--map", png);

        Assert.True(code == 0, error);
        var bytes = await File.ReadAllBytesAsync(png, Token);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        // The map chart's default width.
        Assert.Equal(1000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        using var cells = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(png, ".geojson"), Token));
        var values = cells.RootElement.GetProperty("features").EnumerateArray()
            .Select(feature => feature.GetProperty("properties").GetProperty("value").GetDouble())
            .ToList();
        // Inverse distance weighting stays between its stations' values: Lille-Lesquin at 0 K, Fives at 1 K and
        // Vieux-Lille at its mean of 202/73 = 2.767 K; the cells next to Vieux-Lille come close to it.
        Assert.All(values, value => Assert.InRange(value, 0, 2.7672));
        Assert.True(values.Max() > 2.5, $"the warmest cell is {values.Max()} K");
        Assert.Contains("map of the mean heat island at 3 sites", stdout, StringComparison.Ordinal);
        Assert.Contains("leave-one-out error RMSE", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uhi_MapNotPng_ExitsWithOneNamingTheOption()
    {
        var (code, _, error) = await AnalyzeAsync(
            "uhi", "--from", SeededService.Iso(OctoberFrom), "--to", SeededService.Iso(OctoberTo), "--output", Path.Combine(_service!.Folder, "x.csv"), "--map", Path.Combine(_service!.Folder, "x.jpg"));

        Assert.Equal(1, code);
        Assert.Contains("--map: 'x.jpg' must end with .png", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uhi_RangeWithoutReferenceReadings_ExitsWithOneNamingTheReferenceSites()
    {
        var (code, _, error) = await AnalyzeAsync("uhi", "--from", "2024-01-01T00:00:00Z", "--to", "2024-01-02T00:00:00Z", "--output", Path.Combine(_service!.Folder, "empty.csv"));

        Assert.Equal(1, code);
        Assert.Contains("no reference site (parc-citadelle, lille-lesquin)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_service!.Folder, "empty.csv")));
    }

    [Fact]
    public async Task HeatWave_Csv_FindsTheEpisodeAtNordsThresholds()
    {
        var (code, stdout, error) = await AnalyzeAsync("heatwave", "--site", "lomme", "--from", SeededService.Iso(JulyFrom), "--to", SeededService.Iso(JulyTo));

        Assert.True(code == 0, error);
        // Days 3 to 7 July: Tmin 19, Tmax 34; the others 12 and 24. IBMn/IBMx of D average D, D+1 and D+2, so they
        // reach 18/33 on 3, 4 and 5 July only: 2 July averages (12 + 19 + 19)/3 = 16.667 and (24 + 34 + 34)/3 = 30.667,
        // 6 July (19 + 19 + 12)/3. The last two days have no D+2.
        Assert.Equal(
            [
                "date,tmin,tmax,ibmn,ibmx,in_heatwave,tropical_night,cooling_degree_hours",
                "2025-07-01,12,24,14.333,27.333,false,false,0",
                "2025-07-02,12,24,16.667,30.667,false,false,0",
                "2025-07-03,19,34,19,34,true,false,96",
                "2025-07-04,19,34,19,34,true,false,96",
                "2025-07-05,19,34,19,34,true,false,96",
                "2025-07-06,19,34,16.667,30.667,false,false,96",
                "2025-07-07,19,34,14.333,27.333,false,false,96",
                "2025-07-08,12,24,12,24,false,false,0",
                "2025-07-09,12,24,,,false,false,0",
                "2025-07-10,12,24,,,false,false,0",
            ],
            stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("1 heat-wave episode: 2025-07-03 to 2025-07-05 (hot days 2025-07-03 to 2025-07-07", error, StringComparison.Ordinal);
        // The hot days' 12 afternoon hours at 34 °C are 8 K above the 26 °C base: 96 K·h a day, 480 in all. Tmin 19 °C
        // is no tropical night (20 °C or more, Météo-France).
        Assert.Contains("; 0 tropical nights; 480 K·h above 26 °C", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeatWave_Json_ListsTheThresholdsAndTheEpisode()
    {
        var output = Path.Combine(_service!.Folder, "heatwave.json");

        var (code, _, error) = await AnalyzeAsync("heatwave", "--site", "lomme", "--department", "59", "--from", SeededService.Iso(JulyFrom), "--to", SeededService.Iso(JulyTo), "--output", output);

        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(output, Token));
        Assert.Equal(18, report.RootElement.GetProperty("thresholds").GetProperty("ibmn").GetDouble());
        Assert.Equal(33, report.RootElement.GetProperty("thresholds").GetProperty("ibmx").GetDouble());
        var episode = Assert.Single(report.RootElement.GetProperty("episodes").EnumerateArray());
        Assert.Equal("2025-07-03", episode.GetProperty("start").GetString());
        Assert.Equal("2025-07-05", episode.GetProperty("end").GetString());
        Assert.Equal("2025-07-07", episode.GetProperty("lastHotDay").GetString());
        Assert.Equal(34, episode.GetProperty("peakIbmx").GetDouble());
        Assert.Equal(10, report.RootElement.GetProperty("days").GetArrayLength());
        Assert.Equal(480, report.RootElement.GetProperty("coolingDegreeHours").GetDouble());
        Assert.Equal(0, report.RootElement.GetProperty("tropicalNights").GetInt32());
    }

    [Fact]
    public async Task HeatWave_StricterDepartment_FindsNoEpisode()
    {
        // Paris's thresholds are 21/31: IBMn 19 never reaches 21.
        var (code, stdout, error) = await AnalyzeAsync("heatwave", "--site", "lomme", "--department", "75", "--from", SeededService.Iso(JulyFrom), "--to", SeededService.Iso(JulyTo));

        Assert.True(code == 0, error);
        Assert.DoesNotContain("true", stdout, StringComparison.Ordinal);
        Assert.Contains("Paris (75) thresholds IBMn >= 21 °C and IBMx >= 31 °C; no heat-wave episode", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--site: unknown site 'nowhere'; allowed values: vieux-lille,", "heatwave", "--site", "nowhere", "--from", "2025-07-01T00:00:00Z", "--to", "2025-07-02T00:00:00Z")]
    [InlineData("--department: no thresholds for department '99'; allowed values: 59 (Nord),", "heatwave", "--site", "lomme", "--department", "99", "--from", "2025-07-01T00:00:00Z", "--to", "2025-07-02T00:00:00Z")]
    [InlineData("--from (2025-07-02T00:00:00.0000000+00:00) must be before --to (2025-07-01T00:00:00.0000000+00:00)", "heatwave", "--site", "lomme", "--from", "2025-07-02T00:00:00Z", "--to", "2025-07-01T00:00:00Z")]
    [InlineData("--from (2025-07-01T00:00:00.0000000+00:00) must be before --to", "uhi", "--from", "2025-07-01T00:00:00Z", "--to", "2025-07-01T00:00:00Z", "--output", "never.csv")]
    [InlineData("--chart: 'uhi.svg' must end with .png", "uhi", "--chart", "uhi.svg", "--from", "2025-07-01T00:00:00Z", "--to", "2025-07-02T00:00:00Z", "--output", "never.csv")]
    [InlineData("--tz: 'Mars/Olympus' is not an IANA time zone", "uhi", "--tz", "Mars/Olympus", "--from", "2025-07-01T00:00:00Z", "--to", "2025-07-02T00:00:00Z", "--output", "never.csv")]
    public async Task Analyze_RefusedInput_ExitsWithOneAndNamesTheOption(string expected, params string[] arguments)
    {
        var (code, _, error) = await AnalyzeAsync(arguments);

        Assert.Equal(1, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(File.Exists("never.csv"));
    }

    [Fact]
    public async Task ApiUhi_Csv_IsWhatAnalyzeWrites()
    {
        var output = Path.Combine(_service!.Folder, "uhi-api.csv");
        var (code, _, error) = await AnalyzeAsync("uhi", "--from", SeededService.Iso(OctoberFrom), "--to", SeededService.Iso(OctoberTo), "--output", output);
        Assert.True(code == 0, error);

        using var response = await GetAsync($"/api/v1/analyses/uhi?from={SeededService.Query(OctoberFrom)}&to={SeededService.Query(OctoberTo)}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Contains("vieux-lille,Vieux-Lille,2,2025-10-26,2.8,4,4,2,25\r\n", body, StringComparison.Ordinal);
        Assert.Equal(await File.ReadAllTextAsync(output, Token), body);
    }

    [Fact]
    public async Task ApiUhi_AcceptCsvWithoutFormat_AnswersCsvAndJsonByDefault()
    {
        using var csv = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/analyses/uhi?from={SeededService.Query(OctoberFrom)}&to={SeededService.Query(OctoberTo)}");
        csv.Headers.Accept.ParseAdd("text/csv");
        using var http = new HttpClient { BaseAddress = new Uri(_service!.Url) };
        using var csvResponse = await http.SendAsync(csv, Token);
        using var jsonResponse = await GetAsync($"/api/v1/analyses/uhi?from={SeededService.Query(OctoberFrom)}&to={SeededService.Query(OctoberTo)}");

        Assert.StartsWith("site,district,lcz,date", await csvResponse.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await jsonResponse.Content.ReadAsStringAsync(Token));
        var vieuxLille = json.RootElement.GetProperty("byLcz").EnumerateArray().Single(zone => zone.GetProperty("lcz").GetString() == "2");
        Assert.Equal(2.767, vieuxLille.GetProperty("meanUhi").GetDouble());
    }

    [Fact]
    public async Task ApiUhiMap_Png_DrawsTheMapWithItsLeaveOneOutError()
    {
        using var response = await GetAsync($"/api/v1/analyses/uhi/map?from={SeededService.Query(OctoberFrom)}&to={SeededService.Query(OctoberTo)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(1000, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        var error = double.Parse(response.Headers.GetValues("X-Leave-One-Out-RMSE-K").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(error, 0.001, 3);
    }

    [Fact]
    public async Task ApiUhiMap_GeoJson_GivesCellsBetweenTheSitesMeans()
    {
        using var response = await GetAsync($"/api/v1/analyses/uhi/map?map=geojson&from={SeededService.Query(OctoberFrom)}&to={SeededService.Query(OctoberTo)}");

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var cells = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var values = cells.RootElement.GetProperty("features").EnumerateArray().Select(feature => feature.GetProperty("properties").GetProperty("value").GetDouble()).ToList();
        Assert.All(values, value => Assert.InRange(value, 0, 2.7672));
        Assert.True(values.Max() > 2.5, $"the warmest cell is {values.Max()} K");
    }

    [Fact]
    public async Task ApiHeatWave_Json_IsWhatAnalyzeWrites()
    {
        var output = Path.Combine(_service!.Folder, "heatwave-api.json");
        var (code, _, error) = await AnalyzeAsync("heatwave", "--site", "lomme", "--from", SeededService.Iso(JulyFrom), "--to", SeededService.Iso(JulyTo), "--output", output);
        Assert.True(code == 0, error);

        using var response = await GetAsync($"/api/v1/analyses/heatwave?site=lomme&from={SeededService.Query(JulyFrom)}&to={SeededService.Query(JulyTo)}");

        var body = await response.Content.ReadAsStringAsync(Token);
        using var json = JsonDocument.Parse(body);
        Assert.Single(json.RootElement.GetProperty("episodes").EnumerateArray());
        Assert.Equal(await File.ReadAllTextAsync(output, Token), body);
    }

    [Fact]
    public async Task ApiUhi_RangeWithoutReferenceReadings_Is422NamingTheReferenceSites()
    {
        using var response = await GetAsync("/api/v1/analyses/uhi?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z");

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        Assert.Contains("no reference site (parc-citadelle, lille-lesquin)", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uhi_Chart_DrawsTheDailyHeatIslandAsPng()
    {
        var (output, png) = (Path.Combine(_service!.Folder, "uhi-chart.csv"), Path.Combine(_service!.Folder, "uhi-chart.png"));

        var (code, stdout, error) = await AnalyzeAsync("uhi", "--from", SeededService.Iso(OctoberFrom), "--to", SeededService.Iso(OctoberTo), "--output", output, "--chart", png);

        Assert.True(code == 0, error);
        AssertPng(await File.ReadAllBytesAsync(png, Token), 1200, 600);
        Assert.Contains($"chart written to {png}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeatWave_ChartOnAnEmptyRange_ExitsWithOneSayingNothingToDraw()
    {
        var png = Path.Combine(_service!.Folder, "empty-heatwave.png");

        var (code, _, error) = await AnalyzeAsync("heatwave", "--site", "lomme", "--from", "2024-01-01T00:00:00Z", "--to", "2024-01-03T00:00:00Z", "--chart", png);

        Assert.Equal(1, code);
        Assert.Contains("--chart: nothing to draw, site 'lomme' has no daily temperatures in the range", error, StringComparison.Ordinal);
        Assert.False(File.Exists(png));
    }

    [Fact]
    public async Task ApiHeatWave_Png_DrawsTheChart()
    {
        using var response = await GetAsync($"/api/v1/analyses/heatwave?site=lomme&from={SeededService.Query(JulyFrom)}&to={SeededService.Query(JulyTo)}&format=png");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        AssertPng(await response.Content.ReadAsByteArrayAsync(Token), 1200, 600);
    }

    [Fact]
    public async Task ApiComfort_PngWithoutData_Is422SayingNothingToDraw()
    {
        using var response = await GetAsync("/api/v1/analyses/comfort?from=2024-01-01T00:00:00Z&to=2024-01-02T00:00:00Z&format=png");

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, body);
        Assert.Contains("nothing to draw: no site has an hour with both air temperature and relative humidity", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/analyses/heatwave?from=2025-07-01&to=2025-07-02", "site", "a site is required")]
    [InlineData("/api/v1/analyses/heatwave?site=nowhere&from=2025-07-01&to=2025-07-02", "site", "unknown site 'nowhere'; allowed values: vieux-lille,")]
    [InlineData("/api/v1/analyses/heatwave?site=lomme&department=99&from=2025-07-01&to=2025-07-02", "department", "no thresholds for department '99'")]
    [InlineData("/api/v1/analyses/comfort?site=lomme,nowhere&from=2025-07-01&to=2025-07-02", "site", "unknown site 'nowhere'")]
    [InlineData("/api/v1/analyses/aqi?scheme=usaqi", "scheme", "'usaqi' is not an index; allowed values: eaqi")]
    [InlineData("/api/v1/analyses/uhi?from=2025-07-02&to=2025-07-01", "from", "must be before 'to'")]
    [InlineData("/api/v1/analyses/uhi?tz=Asia/Kolkata", "tz", "not whole hours")]
    [InlineData("/api/v1/analyses/uhi?tz=Mars/Olympus", "tz", "'Mars/Olympus' is not a time zone")]
    [InlineData("/api/v1/analyses/uhi?format=xlsx", "format", "allowed values: json, csv")]
    [InlineData("/api/v1/analyses/uhi/map?map=svg", "map", "allowed values: png, geojson")]
    [InlineData("/api/v1/analyses/rain?format=png", "format", "'png' is not a format of this analysis; allowed values: json, csv")]
    [InlineData("/api/v1/analyses/rain?curveNumber=130", "curveNumber", "'130' is not a curve number in (0, 100]")]
    [InlineData("/api/v1/analyses/rain?interEventHours=0", "interEventHours", "(0, 720]")]
    [InlineData("/api/v1/analyses/rain?mmPerTip=abc", "mmPerTip", "'abc' is not a bucket resolution")]
    public async Task ApiAnalyses_RefusedParameter_Is400NamingIt(string pathAndQuery, string parameter, string expected)
    {
        using var response = await GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains(expected, problem.RootElement.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>Lille-Lesquin 8 °C at night (21:00 to 06:00, Paris) and 16 °C by day; Vieux-Lille 4 and 2 K warmer; Fives 1 K warmer.</summary>
    private static IEnumerable<Reading> OctoberReadings()
    {
        var sequence = 0L;
        for (var hour = OctoberFrom; hour < OctoberTo; hour = hour.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(hour, Paris);
            var night = local.Hour is >= 21 or < 6;
            var reference = night ? 8.0 : 16.0;
            foreach (var (device, warmer) in new[] { ("lesquin-ref-01", 0.0), ("lille-0001", night ? 4.0 : 2.0), ("lille-0005", 0.5), ("lille-0016", 1.5) })
            {
                // Two readings an hour, half a kelvin either side of the hour's mean.
                yield return new Reading(device, "sht31", Quantities.AirTemperature, hour.AddMinutes(15), reference + warmer - 0.5, sequence++);
                yield return new Reading(device, "sht31", Quantities.AirTemperature, hour.AddMinutes(45), reference + warmer + 0.5, sequence++);
            }
        }
    }

    /// <summary>Lomme (lille-0009): each local day at its Tmin until noon and at its Tmax after; 3 to 7 July hot.</summary>
    private static IEnumerable<Reading> JulyReadings()
    {
        var sequence = 0L;
        for (var hour = JulyFrom; hour < JulyTo; hour = hour.AddHours(1))
        {
            var local = TimeZoneInfo.ConvertTime(hour, Paris);
            var hot = local.Day is >= 3 and <= 7;
            var (minimum, maximum) = hot ? (19.0, 34.0) : (12.0, 24.0);
            yield return new Reading("lille-0009", "sht31", Quantities.AirTemperature, hour.AddMinutes(30), local.Hour < 12 ? minimum : maximum, sequence++);
        }
    }

    private Task<(int Code, string Output, string Error)> AnalyzeAsync(params string[] arguments) => _service!.AnalyzeAsync(arguments, Token);

    private static void AssertPng(byte[] bytes, int width, int height)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal(width, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(height, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    private Task<HttpResponseMessage> GetAsync(string pathAndQuery) => _service!.SendAsync(HttpMethod.Get, pathAndQuery, null, Token);
}
