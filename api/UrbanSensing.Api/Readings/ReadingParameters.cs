using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace UrbanSensing.Api.Readings;

/// <summary>The query string of <c>GET /api/v1/readings</c>, every value as text so that its errors name it (see <see cref="ReadingRequestParser"/>).</summary>
public sealed record ReadingParameters(
    [property: FromQuery(Name = "device"), Description("Device ids, comma-separated or repeated; default: every device")] string[]? Device,
    [property: FromQuery(Name = "site"), Description("Registry site ids (GET /api/v1/sites)")] string[]? Site,
    [property: FromQuery(Name = "district"), Description("Districts, as the registry's sites name them")] string[]? District,
    [property: FromQuery(Name = "lcz"), Description("Local climate zone codes of Stewart and Oke: 1 to 10, A to G")] string[]? Lcz,
    [property: FromQuery(Name = "quantity"), Description("Quantities (GET /api/v1/quantities); default: every quantity")] string[]? Quantity,
    [property: FromQuery(Name = "from"), Description("ISO 8601 start, included; default: a day before 'to'. Without an offset, UTC")] string? From,
    [property: FromQuery(Name = "to"), Description("ISO 8601 end, excluded; default: now. Without an offset, UTC")] string? To,
    [property: FromQuery(Name = "flagged"), Description("include (default: flagged readings come with their quality flags) or exclude")] string? Flagged,
    [property: FromQuery(Name = "window"), Description("Aggregate over windows: 1m 2m 5m 10m 15m 20m 30m 1h 2h 3h 4h 6h 8h 12h 1d 1w 1mo; default: raw readings")] string? Window,
    [property: FromQuery(Name = "aggregate"), Description("With 'window': mean (default), min, max, sum, count, last, pNN (type-7 percentile, e.g. p95)")] string[]? Aggregate,
    [property: FromQuery(Name = "tz"), Description("With 'window': IANA time zone whose wall clock the windows follow; default Europe/Paris")] string? Tz,
    [property: FromQuery(Name = "format"), Description("json (default), csv or parquet; 'Accept: text/csv' or 'Accept: application/vnd.apache.parquet' also work")] string? Format,
    [property: FromQuery(Name = "limit"), Description("Raw readings at most: JSON 1 to 100000 (default 10000; more is a 413), CSV and Parquet unlimited by default")] string? Limit);
