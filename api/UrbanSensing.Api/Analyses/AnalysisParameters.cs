using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace UrbanSensing.Api.Analyses;

/// <summary>The query string every <c>/api/v1/analyses</c> endpoint shares, as text so that its errors name it (see <see cref="AnalysisRangeParser"/>).</summary>
public sealed record AnalysisParameters(
    [property: FromQuery(Name = "from"), Description("ISO 8601 start, included; default: 30 days before 'to'. Without an offset, UTC; give the local midnight (2026-07-01T00:00:00+02:00) for whole local days")] string? From,
    [property: FromQuery(Name = "to"), Description("ISO 8601 end, excluded; default: now. Without an offset, UTC")] string? To,
    [property: FromQuery(Name = "tz"), Description("IANA time zone of the calendar days and of the night window, with whole-hour offsets; default Europe/Paris")] string? Tz,
    [property: FromQuery(Name = "format"), Description("json (default), csv or, where the analysis draws one, png (its chart over time); 'Accept: text/csv' and 'Accept: image/png' also work")] string? Format);
