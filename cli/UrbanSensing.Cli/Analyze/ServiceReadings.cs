using System.Globalization;
using System.Text.Json;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Cli.Export;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;

namespace UrbanSensing.Cli.Analyze;

/// <summary>
/// What the analyses read from a running service's API: its registry (<c>/api/v1/sites</c> and <c>/api/v1/devices</c>)
/// and the hourly means of its devices (<c>/api/v1/readings</c>), averaged per site and hour.
/// </summary>
internal sealed class ServiceReadings(HttpClient http) : IDisposable
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
    public static ServiceReadings Connect(Uri api) => new(new HttpClient { BaseAddress = api, Timeout = Timeout.InfiniteTimeSpan });

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

    /// <summary>The hourly mean air temperature of each site's devices over [from, to), averaged per site and hour; sites without any are left out.</summary>
    /// <param name="site">Only this site's devices; the API refuses a site it does not know, naming the allowed ones.</param>
    /// <exception cref="HttpRequestException">The service did not answer or refused the query; the message gives its reason.</exception>
    /// <exception cref="InvalidDataException">The CSV is not what the API documents.</exception>
    public async Task<IReadOnlyDictionary<string, HourlySeries>> HourlySeriesBySiteAsync(
        SensorRegistry registry,
        DateTimeOffset from,
        DateTimeOffset to,
        string? site,
        string label,
        CancellationToken cancellationToken)
    {
        var bySite = await HourlyMeansBySiteAsync(registry, Quantities.AirTemperature, from, to, site is null ? [] : [site], label, cancellationToken).ConfigureAwait(false);
        return bySite.ToDictionary(
            pair => pair.Key,
            pair => HourlySeries.FromReadings(pair.Value.Select(hour => new TemperatureReading(hour.Key, hour.Value))),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The hourly means of one quantity over [from, to): each device's hourly mean, averaged over a site's devices hour
    /// by hour, keyed by the UTC instant the hour starts; sites without any are left out.
    /// </summary>
    /// <param name="sites">Only these sites' devices, or every site's when empty; the API refuses a site it does not know.</param>
    /// <exception cref="HttpRequestException">The service did not answer or refused the query; the message gives its reason.</exception>
    /// <exception cref="InvalidDataException">The CSV is not what the API documents.</exception>
    public async Task<IReadOnlyDictionary<string, SortedDictionary<DateTimeOffset, double>>> HourlyMeansBySiteAsync(
        SensorRegistry registry,
        Quantity quantity,
        DateTimeOffset from,
        DateTimeOffset to,
        IReadOnlyCollection<string> sites,
        string label,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<KeyValuePair<string, string>> parameters =
        [
            new("quantity", quantity.Name),
            .. HourlyMeans,
            .. sites.Select(site => new KeyValuePair<string, string>("site", site)),
        ];
        var slices = QuerySlice.Of(from, to, "1h", TimeZoneInfo.Utc);
        var progress = new ProgressBar(label, slices.Count);
        var sink = new HourlyMeanSink();
        await using (sink.ConfigureAwait(false))
        {
            await new ReadingsDownloader(http).DownloadAsync(parameters, slices, sink, progress, cancellationToken).ConfigureAwait(false);
        }

        progress.Finish(sink.Rows);
        var bySite = new Dictionary<string, SortedDictionary<DateTimeOffset, (double Sum, int Count)>>(StringComparer.Ordinal);
        foreach (var (deviceId, means) in sink.ByDevice)
        {
            // Devices the registry does not list have no site to count for.
            if (!registry.TryGetDevice(deviceId, out var device))
            {
                continue;
            }

            if (!bySite.TryGetValue(device.Site.Id, out var hours))
            {
                hours = [];
                bySite.Add(device.Site.Id, hours);
            }

            foreach (var mean in means)
            {
                var hour = HourlySeries.HourStart(mean.Hour);
                var (sum, count) = hours.GetValueOrDefault(hour);
                hours[hour] = (sum + mean.Mean, count + 1);
            }
        }

        return bySite.ToDictionary(
            site => site.Key,
            site => new SortedDictionary<DateTimeOffset, double>(site.Value.ToDictionary(hour => hour.Key, hour => hour.Value.Sum / hour.Value.Count)),
            StringComparer.Ordinal);
    }

    /// <summary>
    /// The raw readings of one quantity over [from, to), every flag included (the caller decides which it trusts),
    /// ordered by device, sensor and time: the API's raw CSV comes in storage order.
    /// </summary>
    /// <param name="selection">The API's selection parameters (<c>device</c>, <c>site</c>), repeated as needed; the API refuses an unknown device or site.</param>
    /// <exception cref="HttpRequestException">The service did not answer or refused the query; the message gives its reason.</exception>
    /// <exception cref="InvalidDataException">The CSV is not what the API documents.</exception>
    public async Task<IReadOnlyList<RawReading>> RawReadingsAsync(
        Quantity quantity,
        IReadOnlyCollection<KeyValuePair<string, string>> selection,
        DateTimeOffset from,
        DateTimeOffset to,
        string label,
        CancellationToken cancellationToken)
    {
        var readings = new List<RawReading>();
        await RawReadingsByDayAsync(quantity, selection, from, to, label, readings.AddRange, cancellationToken).ConfigureAwait(false);
        return [.. readings.OrderBy(reading => reading.Device, StringComparer.Ordinal).ThenBy(reading => reading.Sensor, StringComparer.Ordinal).ThenBy(reading => reading.Time)];
    }

    /// <summary>
    /// The raw readings of one quantity, a UTC day at a time in time order, each day's sorted by device, sensor and
    /// time and handed to <paramref name="onDay"/>, which must not keep the list.
    /// </summary>
    public async Task RawReadingsByDayAsync(
        Quantity quantity,
        IReadOnlyCollection<KeyValuePair<string, string>> selection,
        DateTimeOffset from,
        DateTimeOffset to,
        string label,
        Action<IReadOnlyList<RawReading>> onDay,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<KeyValuePair<string, string>> parameters = [new("quantity", quantity.Name), .. selection];
        var slices = QuerySlice.Of(from, to, window: null, TimeZoneInfo.Utc);
        var progress = new ProgressBar(label, slices.Count);
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
