using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using UrbanSensing.Protocol;
using UrbanSensing.Storage;

namespace UrbanSensing.Api;

/// <summary>Reads <c>device</c>, <c>quantity</c>, <c>from</c>, <c>to</c> and <c>limit</c> from a query string, naming the parameter at fault.</summary>
public static class ReadingQueryParser
{
    public const int DefaultLimit = 10_000;
    public const int MaxLimit = 100_000;
    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(1);

    public static ParsedReadingQuery Parse(IQueryCollection query, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(query);
        var devices = SplitList(query["device"]);
        foreach (var device in devices)
        {
            if (!Identifiers.IsValid(device))
            {
                return ParsedReadingQuery.Invalid("device", $"device id {Identifiers.Describe(device)}");
            }
        }

        var quantities = new List<Quantity>();
        foreach (var name in SplitList(query["quantity"]))
        {
            if (!Quantities.TryGet(name, out var quantity))
            {
                return ParsedReadingQuery.Invalid("quantity", $"unknown quantity '{name}'; allowed values: {Quantities.KnownNames}");
            }

            quantities.Add(quantity);
        }

        if (!TryParseTime(query["to"], now, out var to))
        {
            return ParsedReadingQuery.Invalid("to", $"'{query["to"]}' is not an ISO 8601 date and time such as 2026-07-14T12:00:00Z");
        }

        if (!TryParseTime(query["from"], to - DefaultRange, out var from))
        {
            return ParsedReadingQuery.Invalid("from", $"'{query["from"]}' is not an ISO 8601 date and time such as 2026-07-14T00:00:00Z");
        }

        if (from >= to)
        {
            return ParsedReadingQuery.Invalid("from", $"'from' ({from.UtcDateTime:O}) must be before 'to' ({to.UtcDateTime:O})");
        }

        var limit = DefaultLimit;
        var limitText = query["limit"];
        if (!StringValues.IsNullOrEmpty(limitText)
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > MaxLimit))
        {
            return ParsedReadingQuery.Invalid("limit", $"'{limitText}' is not a whole number from 1 to {MaxLimit}");
        }

        return ParsedReadingQuery.Valid(new ReadingQuery(devices, quantities, from, to, limit));
    }

    private static List<string> SplitList(StringValues values) =>
        [.. values.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];

    /// <summary>A time without an offset is taken as UTC, the API's time zone.</summary>
    private static bool TryParseTime(StringValues text, DateTimeOffset fallback, out DateTimeOffset time)
    {
        if (StringValues.IsNullOrEmpty(text))
        {
            time = fallback;
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
