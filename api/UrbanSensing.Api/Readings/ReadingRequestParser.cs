using System.Globalization;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Api.Readings;

/// <summary>
/// Reads a <c>GET /api/v1/readings</c> query string: the selection (<c>device</c>, <c>site</c>, <c>district</c>,
/// <c>lcz</c>, <c>quantity</c>, <c>from</c>, <c>to</c>, <c>flagged</c>), the aggregation (<c>window</c>,
/// <c>aggregate</c>, <c>tz</c>), <c>format</c> and <c>limit</c>. Every error names its parameter and what is allowed.
/// </summary>
public sealed class ReadingRequestParser(SensorRegistry registry)
{
    public const string DefaultTimeZone = "Europe/Paris";

    /// <param name="knownDevices">Devices the store has seen outside the registry; asked only when a device is not in the registry.</param>
    public async Task<ParsedReadingRequest> ParseAsync(
        ReadingParameters query,
        string? accept,
        DateTimeOffset now,
        Func<CancellationToken, Task<IReadOnlySet<string>>> knownDevices,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(knownDevices);

        var devices = SplitList(query.Device);
        IReadOnlySet<string>? seen = null;
        foreach (var device in devices)
        {
            if (!Identifiers.IsValid(device))
            {
                return ParsedReadingRequest.Invalid("device", $"device id {Identifiers.Describe(device)}");
            }

            if (!registry.TryGetDevice(device, out _))
            {
                seen ??= await knownDevices(cancellationToken).ConfigureAwait(false);
                if (!seen.Contains(device))
                {
                    return ParsedReadingRequest.Invalid("device", $"unknown device '{device}': the registry lists {registry.Devices.Count} devices and the store has seen no other by that id (GET /api/v1/devices lists them)");
                }
            }
        }

        var sites = SplitList(query.Site);
        if (sites.FirstOrDefault(site => !registry.TryGetSite(site, out _)) is { } unknownSite)
        {
            return ParsedReadingRequest.Invalid("site", $"unknown site '{unknownSite}'; allowed values: {string.Join(", ", registry.Sites.Select(site => site.Id))}");
        }

        var districts = SplitList(query.District);
        var knownDistricts = registry.Sites.Select(site => site.District).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (districts.FirstOrDefault(district => !knownDistricts.Contains(district, StringComparer.Ordinal)) is { } unknownDistrict)
        {
            return ParsedReadingRequest.Invalid("district", $"unknown district '{unknownDistrict}'; allowed values: {string.Join(", ", knownDistricts)}");
        }

        var zones = new List<LocalClimateZone>();
        foreach (var code in SplitList(query.Lcz))
        {
            if (!LocalClimateZone.TryParse(code, out var zone))
            {
                return ParsedReadingRequest.Invalid("lcz", $"unknown local climate zone '{code}'; allowed values: {string.Join(", ", LocalClimateZone.All.Select(known => known.Code))}");
            }

            zones.Add(zone);
        }

        var quantities = new List<Quantity>();
        foreach (var name in SplitList(query.Quantity))
        {
            if (!Quantities.TryGet(name, out var quantity))
            {
                return ParsedReadingRequest.Invalid("quantity", $"unknown quantity '{name}'; allowed values: {Quantities.KnownNames}");
            }

            quantities.Add(quantity);
        }

        if (TryParseRange(query.From, query.To, now, ReadingLimits.DefaultRange, ReadingLimits.MaxRange, out var from, out var to) is { } rangeError)
        {
            return ParsedReadingRequest.Invalid(rangeError.Parameter, rangeError.Message);
        }

        var flagged = query.Flagged ?? string.Empty;
        if (flagged is not ("" or "include" or "exclude"))
        {
            return ParsedReadingRequest.Invalid("flagged", $"'{flagged}' is neither 'include' (the default: flagged readings come with their flags) nor 'exclude'");
        }

        var format = ParseFormat(query.Format, accept);
        if (format is null)
        {
            return ParsedReadingRequest.Invalid("format", $"'{query.Format}' is not a format; allowed values: json, csv, parquet");
        }

        var selected = SelectDevices(devices, sites, districts, zones);
        var selection = new ReadingQuery(selected ?? [], quantities, from, to, ExcludeFlagged: flagged == "exclude");
        return string.IsNullOrEmpty(query.Window)
            ? ParseRaw(query, selection, format.Value, selected)
            : ParseAggregation(query, selection, format.Value, selected);
    }

    private static ParsedReadingRequest ParseRaw(ReadingParameters query, ReadingQuery selection, ReadingFormat format, IReadOnlyList<string>? selected)
    {
        foreach (var (parameter, given) in new[] { ("aggregate", query.Aggregate is { Length: > 0 }), ("tz", !string.IsNullOrEmpty(query.Tz)) })
        {
            if (given)
            {
                return ParsedReadingRequest.Invalid(parameter, $"'{parameter}' applies to aggregated readings only: add a 'window' such as 1h ({AggregationWindow.AllowedText})");
            }
        }

        int? limit = format == ReadingFormat.Json ? ReadingLimits.DefaultJsonReadings : null;
        var limitText = query.Limit;
        if (!string.IsNullOrEmpty(limitText))
        {
            var maximum = format == ReadingFormat.Json ? ReadingLimits.MaxJsonReadings : int.MaxValue;
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var given) || given < 1 || given > maximum)
            {
                return ParsedReadingRequest.Invalid("limit", $"'{limitText}' is not a whole number from 1 to {maximum}{(format == ReadingFormat.Json ? "; for more, ask for format=csv or parquet, which are streamed" : string.Empty)}");
            }

            limit = given;
        }

        return ParsedReadingRequest.Valid(new ReadingRequest(selection with { Limit = limit }, null, format, SelectsNoDevice(selected)));
    }

    private ParsedReadingRequest ParseAggregation(ReadingParameters query, ReadingQuery selection, ReadingFormat format, IReadOnlyList<string>? selected)
    {
        if (!AggregationWindow.TryParse(query.Window, out var window))
        {
            return ParsedReadingRequest.Invalid("window", $"'{query.Window}' is not a window; allowed values: {AggregationWindow.AllowedText}");
        }

        var aggregates = new List<Aggregate>();
        foreach (var text in SplitList(query.Aggregate))
        {
            if (!Aggregate.TryParse(text, out var aggregate))
            {
                return ParsedReadingRequest.Invalid("aggregate", $"'{text}' is not an aggregate; allowed values: {Aggregate.AllowedText}");
            }

            aggregates.Add(aggregate);
        }

        var zoneId = string.IsNullOrEmpty(query.Tz) ? DefaultTimeZone : query.Tz;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var timeZone))
        {
            return ParsedReadingRequest.Invalid("tz", $"'{zoneId}' is not a time zone; use an IANA time zone name such as Europe/Paris (the default), UTC or America/Montreal");
        }

        if (!string.IsNullOrEmpty(query.Limit))
        {
            return ParsedReadingRequest.Invalid("limit", "'limit' applies to raw readings only; aggregated readings are bounded by their windows");
        }

        var windows = (long)Math.Ceiling((selection.To - selection.From) / window.ShortestLength) + 1;
        var points = windows * CountChannels(selected, selection.Quantities);
        var maximum = format == ReadingFormat.Json ? ReadingLimits.MaxJsonWindows : ReadingLimits.MaxStreamedWindows;
        if (points > maximum)
        {
            return ParsedReadingRequest.Invalid(
                "window",
                $"{window} windows from {selection.From.UtcDateTime:O} to {selection.To.UtcDateTime:O} over the selected channels make up to {points:N0} values, more than the {maximum:N0} a {format.ToString().ToUpperInvariant()} response may hold; choose a longer window, fewer devices or quantities, or a shorter range{(format == ReadingFormat.Json ? ", or format=csv or parquet" : string.Empty)}");
        }

        var aggregation = new AggregateQuery(selection, window, aggregates.Count == 0 ? [Aggregate.Mean] : aggregates, timeZone);
        return ParsedReadingRequest.Valid(new ReadingRequest(selection, aggregation, format, SelectsNoDevice(selected)));
    }

    /// <summary>The devices every filter given admits, or null when no filter narrows the devices.</summary>
    private List<string>? SelectDevices(List<string> devices, List<string> sites, List<string> districts, List<LocalClimateZone> zones)
    {
        if (sites.Count == 0 && districts.Count == 0 && zones.Count == 0)
        {
            return devices.Count == 0 ? null : devices;
        }

        return [.. registry.Devices
            .Where(device => (devices.Count == 0 || devices.Contains(device.Id, StringComparer.Ordinal))
                && (sites.Count == 0 || sites.Contains(device.Site.Id, StringComparer.Ordinal))
                && (districts.Count == 0 || districts.Contains(device.Site.District, StringComparer.Ordinal))
                && (zones.Count == 0 || zones.Contains(device.Site.LocalClimateZone)))
            .Select(device => device.Id)];
    }

    /// <summary>Channels (device, sensor, quantity) the selection may hold; a device outside the registry counts one per quantity.</summary>
    private long CountChannels(IReadOnlyList<string>? selected, IReadOnlyList<Quantity> quantities)
    {
        var devices = selected ?? [.. registry.Devices.Select(device => device.Id)];
        long channels = 0;
        foreach (var id in devices)
        {
            channels += registry.TryGetDevice(id, out var device)
                ? device.Sensors.Sum(sensor => sensor.Quantities.Count(quantity => quantities.Count == 0 || quantities.Contains(quantity)))
                : Math.Max(quantities.Count, 1);
        }

        return Math.Max(channels, 1);
    }

    private static bool SelectsNoDevice(IReadOnlyList<string>? selected) => selected is { Count: 0 };

    private static ReadingFormat? ParseFormat(string? format, string? accept) => format switch
    {
        null or "" => accept switch
        {
            _ when accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true => ReadingFormat.Csv,
            _ when accept?.Contains(ReadingParquet.ContentType, StringComparison.OrdinalIgnoreCase) == true => ReadingFormat.Parquet,
            _ => ReadingFormat.Json,
        },
        "json" => ReadingFormat.Json,
        "csv" => ReadingFormat.Csv,
        "parquet" => ReadingFormat.Parquet,
        _ => null,
    };

    /// <summary>A repeated or comma-separated query parameter's values, trimmed, each once.</summary>
    internal static List<string> SplitList(string[]? values) =>
        [.. (values ?? []).SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>A time without an offset is taken as UTC, the API's time zone.</summary>
    /// <summary>
    /// The range [from, to) of a query's <c>from</c> and <c>to</c>: <c>to</c> is now when absent, <c>from</c> that long
    /// before <c>to</c>; null when valid, otherwise the error naming the parameter at fault.
    /// </summary>
    /// <param name="maximumRange">The longest range a query may span; a range of any length when null.</param>
    internal static QueryParameterError? TryParseRange(string? fromText, string? toText, DateTimeOffset now, TimeSpan defaultRange, TimeSpan? maximumRange, out DateTimeOffset from, out DateTimeOffset to)
    {
        from = default;
        if (!TryParseTime(toText, now, out to))
        {
            return new QueryParameterError("to", $"'{toText}' is not an ISO 8601 date and time such as 2026-07-14T12:00:00Z");
        }

        if (!TryParseTime(fromText, to - defaultRange, out from))
        {
            return new QueryParameterError("from", $"'{fromText}' is not an ISO 8601 date and time such as 2026-07-14T00:00:00Z");
        }

        if (from >= to)
        {
            return new QueryParameterError("from", $"'from' ({from.UtcDateTime:O}) must be before 'to' ({to.UtcDateTime:O})");
        }

        return to - from > maximumRange
            ? new QueryParameterError("from", $"the range from {from.UtcDateTime:O} to {to.UtcDateTime:O} is longer than {maximumRange.Value.TotalDays:0} days; split it, or archive it with 'urbansensing export'")
            : null;
    }

    private static bool TryParseTime(string? text, DateTimeOffset fallback, out DateTimeOffset time)
    {
        if (string.IsNullOrEmpty(text))
        {
            time = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
