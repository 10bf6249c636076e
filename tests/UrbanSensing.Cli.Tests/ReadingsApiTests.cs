using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UrbanSensing.Protocol;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// The researchers' API over the shipped Lille registry and a DuckDB file seeded with known readings around the
/// night the clock fell back in 2025 (26 October, 03:00 CEST → 02:00 CET).
/// </summary>
[Collection(InProcessApplications.Name)]
public sealed class ReadingsApiTests : IAsyncLifetime
{
    // 2025-10-25T12:00Z to 2025-10-27T12:00Z, one reading every 30 minutes: 96 readings per channel.
    private static readonly DateTimeOffset First = new(2025, 10, 25, 12, 0, 0, TimeSpan.Zero);
    private const int ReadingsPerChannel = 96;

    private SeededService? _service;
    private HttpClient? _http;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var readings = new List<Reading>();
        foreach (var device in new[] { "lille-0001", "lille-0005", "lille-0016" })
        {
            readings.AddRange(Enumerable.Range(0, ReadingsPerChannel).Select(index =>
                new Reading(device, "sht31", Quantities.AirTemperature, First.AddMinutes(30 * index), index, index)));
        }

        readings.AddRange(Enumerable.Range(0, ReadingsPerChannel).Select(index =>
            new Reading("lille-0005", "sht31", Quantities.RelativeHumidity, First.AddMinutes(30 * index), 50 + (index % 2), index)));
        readings.Add(new Reading("ghost-01", "sht31", Quantities.AirTemperature, First, 99, null, QualityFlags.Unregistered));
        _service = await SeededService.StartAsync(readings, Token);
        _http = new HttpClient { BaseAddress = new Uri(_service.Url) };
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    [Fact]
    public async Task Sites_AreTheRegistrysAsGeoJson()
    {
        using var response = await _http!.GetAsync(new Uri("/api/v1/sites", UriKind.Relative), Token);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("FeatureCollection", body.RootElement.GetProperty("type").GetString());
        var citadelle = body.RootElement.GetProperty("features").EnumerateArray()
            .Single(feature => feature.GetProperty("properties").GetProperty("id").GetString() == "parc-citadelle");
        Assert.Equal("A", citadelle.GetProperty("properties").GetProperty("lcz").GetString());
        Assert.True(citadelle.GetProperty("properties").GetProperty("reference").GetBoolean());
        Assert.Equal(3.0440, citadelle.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble());
    }

    [Fact]
    public async Task Devices_MergeTheRegistryWithWhatTheStoreHasSeen()
    {
        using var body = await GetJsonAsync("/api/v1/devices");

        var devices = body.RootElement.EnumerateArray().ToDictionary(device => device.GetProperty("id").GetString()!);
        var fives = devices["lille-0005"];
        Assert.True(fives.GetProperty("registered").GetBoolean());
        Assert.Equal("fives", fives.GetProperty("site").GetString());
        Assert.Equal("Fives", fives.GetProperty("district").GetString());
        Assert.Equal("3", fives.GetProperty("lcz").GetString());
        Assert.Equal("sht31", fives.GetProperty("sensors")[0].GetProperty("name").GetString());
        Assert.Equal(First.AddMinutes(30 * (ReadingsPerChannel - 1)).UtcDateTime, fives.GetProperty("lastSeen").GetDateTime());
        Assert.False(devices["ghost-01"].GetProperty("registered").GetBoolean());
        Assert.Equal(JsonValueKind.Null, devices["lille-0002"].GetProperty("lastSeen").ValueKind);
    }

    [Fact]
    public async Task Readings_BySiteAndQuantity_ReturnThoseDevicesWithTheirPlace()
    {
        using var body = await GetJsonAsync($"/api/v1/readings?site=fives&quantity=air-temperature&from={Time(First)}&to={Time(First.AddDays(3))}");

        var readings = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(2 * ReadingsPerChannel, readings.Count);
        Assert.Equal(["lille-0005", "lille-0016"], readings.Select(reading => reading.GetProperty("device").GetString()).Distinct());
        Assert.All(readings, reading =>
        {
            Assert.Equal("Fives", reading.GetProperty("district").GetString());
            Assert.Equal("3", reading.GetProperty("lcz").GetString());
            Assert.Empty(reading.GetProperty("flags").EnumerateArray());
        });
    }

    [Theory]
    [InlineData("district=Vieux-Lille", new[] { "lille-0001" })]
    [InlineData("lcz=3", new[] { "lille-0005", "lille-0016" })]
    [InlineData("lcz=2&device=lille-0005", new string[0])]
    [InlineData("device=ghost-01,lille-0016", new[] { "ghost-01", "lille-0016" })]
    public async Task Readings_SelectionFilters_AllApply(string filter, string[] expectedDevices)
    {
        using var body = await GetJsonAsync($"/api/v1/readings?{filter}&quantity=air-temperature&from={Time(First)}&to={Time(First.AddDays(3))}");

        Assert.Equal(expectedDevices, body.RootElement.EnumerateArray().Select(reading => reading.GetProperty("device").GetString()).Distinct());
    }

    [Fact]
    public async Task Readings_FlaggedExcluded_LeaveTheUnregisteredReadingOut()
    {
        var query = $"/api/v1/readings?device=ghost-01&from={Time(First)}&to={Time(First.AddDays(3))}";
        using var included = await GetJsonAsync(query);
        using var excluded = await GetJsonAsync(query + "&flagged=exclude");

        Assert.Equal(["unregistered"], included.RootElement[0].GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()));
        Assert.Equal(0, excluded.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Readings_DailyWindowsInParis_LastTwentyFiveHoursTheNightTheClockFallsBack()
    {
        using var body = await GetJsonAsync($"/api/v1/readings?device=lille-0005&quantity=air-temperature&window=1d&aggregate=count,min,max,mean,p50&from={Time(First)}&to={Time(First.AddDays(3))}");

        var windows = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, windows.Count);
        var fallBack = windows[1];
        Assert.Equal(new DateTimeOffset(2025, 10, 26, 0, 0, 0, TimeSpan.FromHours(2)), fallBack.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(2), fallBack.GetProperty("start").GetDateTimeOffset().Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 27, 0, 0, 0, TimeSpan.FromHours(1)), fallBack.GetProperty("end").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromHours(1), fallBack.GetProperty("end").GetDateTimeOffset().Offset);

        // Readings every 30 min valued by their index from 2025-10-25T12:00Z: local midnight of the 26th (22:00Z) is
        // index 20, of the 27th (23:00Z on the 26th) index 70, so the day holds indexes 20 to 69: 50 readings in 25 h.
        var values = fallBack.GetProperty("values");
        Assert.Equal(50, values.GetProperty("count").GetDouble());
        Assert.Equal(20, values.GetProperty("min").GetDouble());
        Assert.Equal(69, values.GetProperty("max").GetDouble());
        Assert.Equal(44.5, values.GetProperty("mean").GetDouble(), 9);
        Assert.Equal(44.5, values.GetProperty("p50").GetDouble(), 9);
    }

    [Fact]
    public async Task Readings_HourlyWindowsInParis_TheRepeatedHourIsTwoWindows()
    {
        using var body = await GetJsonAsync($"/api/v1/readings?device=lille-0005&quantity=air-temperature&window=1h&aggregate=count&from=2025-10-25T23:00:00Z&to=2025-10-26T03:00:00Z");

        var starts = body.RootElement.EnumerateArray().Select(window => window.GetProperty("start").GetString()).ToList();
        Assert.Equal(["2025-10-26T01:00:00+02:00", "2025-10-26T02:00:00+02:00", "2025-10-26T02:00:00+01:00", "2025-10-26T03:00:00+01:00"], starts);
    }

    [Fact]
    public async Task Readings_AsCsv_StreamAHeaderAndOneRowPerReading()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/readings?device=lille-0005&quantity=relative-humidity&from={Time(First)}&to={Time(First.AddHours(1))}");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await _http!.SendAsync(request, Token);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Token)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "device,sensor,quantity,unit,time,value,sequence,flags,site,district,lcz",
                "lille-0005,sht31,relative-humidity,%RH,2025-10-25T12:00:00.000000Z,50.0,0,,fives,Fives,3",
                "lille-0005,sht31,relative-humidity,%RH,2025-10-25T12:30:00.000000Z,51.0,1,,fives,Fives,3",
            ],
            lines);
    }

    [Fact]
    public async Task Readings_AggregatedAsCsv_HaveOneColumnPerAggregate()
    {
        var csv = await _http!.GetStringAsync(new Uri($"/api/v1/readings?format=csv&device=lille-0005&quantity=relative-humidity&window=1h&aggregate=mean,count&tz=UTC&from={Time(First)}&to={Time(First.AddHours(1))}", UriKind.Relative), Token);

        Assert.Equal(
            "device,sensor,quantity,unit,start,end,mean,count,site,district,lcz\r\n"
            + "lille-0005,sht31,relative-humidity,%RH,2025-10-25T12:00:00+00:00,2025-10-25T13:00:00+00:00,50.5,2,fives,Fives,3\r\n",
            csv);
    }

    [Fact]
    public async Task Readings_AsParquet_StreamAFileDuckDbReads()
    {
        var path = Path.Combine(_service!.Folder, "api.parquet");
        using (var response = await _http!.GetAsync(new Uri($"/api/v1/readings?format=parquet&device=lille-0005,ghost-01&from={Time(First)}&to={Time(First.AddDays(3))}", UriKind.Relative), Token))
        {
            Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType?.MediaType);
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync(Token), Token);
        }

        Assert.Equal(((2 * ReadingsPerChannel) + 1).ToString(CultureInfo.InvariantCulture), Scalar($"SELECT count(*) FROM '{path}'"));
        Assert.Equal("unregistered|99", Scalar($"SELECT flags || '|' || value::BIGINT FROM '{path}' WHERE device = 'ghost-01'"));
        Assert.Equal("fives|Fives|3|2025-10-25 12:30:00|1", Scalar($"SELECT site || '|' || district || '|' || lcz || '|' || strftime(time, '%Y-%m-%d %H:%M:%S') || '|' || sequence FROM '{path}' WHERE device = 'lille-0005' AND quantity = 'air-temperature' ORDER BY time LIMIT 1 OFFSET 1"));
    }

    [Fact]
    public async Task Readings_AggregatedAsParquet_HaveOneColumnPerAggregate()
    {
        var path = Path.Combine(_service!.Folder, "daily.parquet");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/readings?device=lille-0005&quantity=air-temperature&window=1d&aggregate=count,p50&from={Time(First)}&to={Time(First.AddDays(3))}");
        request.Headers.Accept.ParseAdd("application/vnd.apache.parquet");
        using (var response = await _http!.SendAsync(request, Token))
        {
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync(Token), Token);
        }

        Assert.Equal("50|44.5|2025-10-25 22:00:00|2025-10-26 23:00:00", Scalar($"SELECT count::BIGINT || '|' || p50 || '|' || strftime(start, '%Y-%m-%d %H:%M:%S') || '|' || strftime(\"end\", '%Y-%m-%d %H:%M:%S') FROM '{path}' ORDER BY start LIMIT 1 OFFSET 1"));
    }

    [Theory]
    [InlineData("device=lille-9999", "device", "unknown device 'lille-9999'")]
    [InlineData("site=nowhere", "site", "allowed values: vieux-lille")]
    [InlineData("district=Atlantis", "district", "allowed values: ")]
    [InlineData("lcz=11", "lcz", "allowed values: 1, 2, 3")]
    [InlineData("quantity=ozone", "quantity", "allowed values: air-temperature")]
    [InlineData("window=7m", "window", "allowed values: 1m, 2m, 5m")]
    [InlineData("window=1h&aggregate=median", "aggregate", "p95")]
    [InlineData("window=1h&tz=Mars/Olympus", "tz", "IANA time zone")]
    [InlineData("aggregate=mean", "aggregate", "add a 'window'")]
    [InlineData("from=2025-10-27T00:00:00Z&to=2025-10-26T00:00:00Z", "from", "must be before 'to'")]
    [InlineData("from=2000-01-01T00:00:00Z&to=2025-10-26T00:00:00Z", "from", "urbansensing export")]
    [InlineData("limit=100001", "limit", "format=csv")]
    [InlineData("flagged=maybe", "flagged", "exclude")]
    [InlineData("format=xml", "format", "json, csv")]
    [InlineData("window=1m&from=2016-01-01T00:00:00Z&to=2025-12-31T00:00:00Z", "window", "choose a longer window")]
    public async Task Readings_BadParameter_Is400NamingIt(string query, string parameter, string expected)
    {
        using var response = await _http!.GetAsync(new Uri($"/api/v1/readings?{query}", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var message = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty(parameter).EnumerateArray()).GetString();
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readings_MoreThanTheLimitAsJson_Is413RatherThanCutShort()
    {
        using var response = await _http!.GetAsync(new Uri($"/api/v1/readings?limit=10&from={Time(First)}&to={Time(First.AddDays(3))}", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("format=csv", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_DocumentsTheReadingsParameters()
    {
        using var body = await GetJsonAsync("/openapi/v1.json");

        var readings = body.RootElement.GetProperty("paths").GetProperty("/api/v1/readings").GetProperty("get");
        var parameters = readings.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "device", "site", "district", "lcz", "quantity", "from", "to", "flagged", "window", "aggregate", "tz", "format", "limit" }, parameters.ToHashSet());
        Assert.True(body.RootElement.GetProperty("paths").TryGetProperty("/api/v1/sites", out _));
    }

    [Fact]
    public async Task Query_RawToCsv_WritesTheSelectionDayByDay()
    {
        var output = Path.Combine(_service!.Folder, "fives.csv");

        var code = await CliAsync("query", "--site", "fives", "--quantity", "air-temperature", "--from", Iso(First), "--to", Iso(First.AddDays(3)), "--output", output);

        Assert.Equal(0, code);
        var lines = await File.ReadAllLinesAsync(output, Token);
        Assert.Equal("device,sensor,quantity,unit,time,value,sequence,flags,site,district,lcz", lines[0]);
        Assert.Equal(2 * ReadingsPerChannel, lines.Length - 1);
        Assert.Equal(2 * ReadingsPerChannel, lines.Skip(1).Distinct().Count());
    }

    [Fact]
    public async Task Query_AggregatedToParquet_IsReadableByDuckDb()
    {
        var output = Path.Combine(_service!.Folder, "daily.parquet");

        var code = await CliAsync("query", "--device", "lille-0005", "--quantity", "air-temperature", "--window", "1d", "--aggregate", "count,max", "--from", Iso(First), "--to", Iso(First.AddDays(3)), "--output", output);

        Assert.Equal(0, code);
        Assert.Equal("3|96|95", Scalar($"SELECT count(*) || '|' || sum(count)::BIGINT || '|' || max(max)::BIGINT FROM '{output}'"));
        Assert.Equal("2025-10-25 22:00:00", Scalar($"SELECT strftime(start, '%Y-%m-%d %H:%M:%S') FROM '{output}' ORDER BY start LIMIT 1 OFFSET 1"));
    }

    [Fact]
    public async Task Export_Range_WritesMonthlyParquetTheRegistryAndAManifest()
    {
        var archive = Path.Combine(_service!.Folder, "archive");

        var code = await CliAsync("export", "--from", Iso(First), "--to", Iso(First.AddDays(3)), "--output", archive);

        Assert.Equal(0, code);
        Assert.Equal(["devices.json", "manifest.json", "readings-2025-10.parquet", "sites.geojson"], Directory.GetFiles(archive).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(((4 * ReadingsPerChannel) + 1).ToString(CultureInfo.InvariantCulture), Scalar($"SELECT count(*) FROM '{Path.Combine(archive, "readings-2025-10.parquet")}'"));
        Assert.Equal("unregistered", Scalar($"SELECT flags FROM '{Path.Combine(archive, "readings-2025-10.parquet")}' WHERE device = 'ghost-01'"));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(archive, "manifest.json"), Token));
        Assert.Equal("readings-2025-10.parquet", manifest.RootElement.GetProperty("files")[0].GetProperty("file").GetString());
    }

    [Fact]
    public async Task Query_RefusedByTheApi_ExitsWithItsReasonAndLeavesNoFile()
    {
        var output = Path.Combine(_service!.Folder, "nowhere.csv");

        var code = await CliAsync("query", "--site", "nowhere", "--from", Iso(First), "--to", Iso(First.AddDays(1)), "--output", output);

        Assert.Equal(1, code);
        Assert.False(File.Exists(output));
    }

    private async Task<int> CliAsync(params string[] arguments)
    {
        var output = new StringWriter();
        var configuration = new System.CommandLine.InvocationConfiguration { Output = output, Error = output };
        var code = await new System.CommandLine.RootCommand { QueryCommand.Create(), ExportCommand.Create() }
            .Parse([.. arguments, "--api", _service!.Url])
            .InvokeAsync(configuration, Token);
        Assert.True(code == 0 || arguments.Contains("nowhere"), $"urbansensing {string.Join(' ', arguments)} exited with {code}: {output}");
        return code;
    }

    private static string? Scalar(string sql)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _http!.GetAsync(new Uri(path, UriKind.Relative), Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text);
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) => Uri.EscapeDataString(time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
