using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Reports;
using UrbanSensing.Cli.Export;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// What <c>urbansensing analyze</c> reads from a running service's API: its registry (<c>/api/v1/sites</c> and
/// <c>/api/v1/devices</c>), and its devices' hourly means and raw readings (<c>/api/v1/readings</c>), with a progress bar.
/// </summary>
internal sealed class ServiceReadings(HttpClient http, string label) : IAnalysisReadings, IDisposable
{
    // Readings flagged by quality control (spikes, steps, out of range, unregistered) would bias a heat island of a few
    // kelvin or an index band as much as they bias anything else.
    private static readonly KeyValuePair<string, string>[] HourlyMeans =
    [
        new("window", "1h"),
        new("aggregate", "mean"),
        new("tz", "UTC"),
        new("flagged", "exclude"),
    ];

    /// <summary>A client of the service's API at <paramref name="api"/>; a year of readings may take minutes, so no timeout.</summary>
    /// <param name="label">What the progress bars say: the command, such as "analyze uhi".</param>
    public static ServiceReadings Connect(Uri api, string label) => new(new HttpClient { BaseAddress = api, Timeout = Timeout.InfiniteTimeSpan }, label);

    public void Dispose() => http.Dispose();

    /// <summary>The service's sites, read with the registry's own GeoJSON reader, and its registered devices at them.</summary>
    /// <exception cref="HttpRequestException">The service did not answer or refused.</exception>
    /// <exception cref="InvalidDataException">An answer is not what the API documents.</exception>
    public async Task<SensorRegistry> RegistryAsync(CancellationToken cancellationToken)
    {
        var sitesGeoJson = await GetAsync("/api/v1/sites", cancellationToken).ConfigureAwait(false);
        SensorRegistry sitesOnly;
        try
        {
            sitesOnly = RegistryLoader.Parse(sitesGeoJson, """{ "devices": [] }"""u8, "/api/v1/sites", "(no devices)");
        }
        catch (RegistryException error)
        {
            throw new InvalidDataException($"the service's /api/v1/sites is not a sites file the registry reads: {error.Message}", error);
        }

        using var devices = JsonDocument.Parse(await GetAsync("/api/v1/devices", cancellationToken).ConfigureAwait(false));
        var registered = new List<Device>();
        foreach (var device in devices.RootElement.EnumerateArray())
        {
            // Devices the registry does not list have no site to count for; their readings are flagged and left out anyway.
            if (device.GetProperty("registered").GetBoolean()
                && device.GetProperty("site").GetString() is { } siteId
                && sitesOnly.TryGetSite(siteId, out var site))
            {
                registered.Add(new Device(
                    device.GetProperty("id").GetString()!,
                    site,
                    device.GetProperty("installed").GetDateTimeOffset(),
                    device.GetProperty("removed") is { ValueKind: JsonValueKind.String } removed ? removed.GetDateTimeOffset() : null,
                    []));
            }
        }

        return new SensorRegistry(sitesOnly.Sites, registered);
    }

    /// <inheritdoc/>
    /// <exception cref="HttpRequestException">The service did not answer or refused the query; the message gives its reason.</exception>
    /// <exception cref="InvalidDataException">The CSV is not what the API documents.</exception>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<HourlyMean>>> HourlyMeansByDeviceAsync(
        Quantity quantity,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        IReadOnlyCollection<string> sites,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<KeyValuePair<string, string>> parameters =
        [
            new("quantity", quantity.Name),
            .. HourlyMeans,
            .. sites.Select(site => new KeyValuePair<string, string>("site", site)),
        ];
        var slices = QuerySlice.Of(rangeStart, rangeEnd, "1h", TimeZoneInfo.Utc);
        var progress = new ProgressBar($"{label} ({quantity.Name})", slices.Count);
        var sink = new HourlyMeanSink();
        await using (sink.ConfigureAwait(false))
        {
            await new ReadingsDownloader(http).DownloadAsync(parameters, slices, sink, progress, cancellationToken).ConfigureAwait(false);
        }

        progress.Finish(sink.Rows);
        return sink.ByDevice.ToDictionary(device => device.Key, device => (IReadOnlyList<HourlyMean>)device.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    /// <exception cref="HttpRequestException">The service did not answer or refused the query; the message gives its reason.</exception>
    /// <exception cref="InvalidDataException">The CSV is not what the API documents.</exception>
    public async Task RawReadingsByDayAsync(
        Quantity quantity,
        IReadOnlyCollection<string> sites,
        IReadOnlyCollection<string> devices,
        DateTimeOffset rangeStart,
        DateTimeOffset rangeEnd,
        Action<IReadOnlyList<RawReading>> onDay,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<KeyValuePair<string, string>> parameters =
        [
            new("quantity", quantity.Name),
            .. sites.Select(site => new KeyValuePair<string, string>("site", site)),
            .. devices.Select(device => new KeyValuePair<string, string>("device", device)),
        ];
        var slices = QuerySlice.Of(rangeStart, rangeEnd, window: null, TimeZoneInfo.Utc);
        var progress = new ProgressBar(devices.Count == 1 ? $"{label} ({devices.Single()})" : label, slices.Count);
        var sink = new RawReadingSink(onDay);
        await using (sink.ConfigureAwait(false))
        {
            await new ReadingsDownloader(http).DownloadAsync(parameters, slices, sink, progress, cancellationToken).ConfigureAwait(false);
        }

        progress.Finish(sink.Rows);
    }

    private async Task<byte[]> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"the service answered {path} with {(int)response.StatusCode} {response.ReasonPhrase}"));
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
