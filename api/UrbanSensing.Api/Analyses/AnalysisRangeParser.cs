using UrbanSensing.Analytics.Reports;
using UrbanSensing.Api.Readings;

namespace UrbanSensing.Api.Analyses;

/// <summary>Reads <see cref="AnalysisParameters"/>; every error names its parameter and what is allowed.</summary>
public static class AnalysisRangeParser
{
    public const string DefaultTimeZone = "Europe/Paris";

    public static readonly TimeSpan DefaultRange = TimeSpan.FromDays(30);

    /// <param name="charted">Whether the analysis draws a chart, so that <c>png</c> is a format.</param>
    public static (AnalysisRange? Range, QueryParameterError? Error) Parse(AnalysisParameters parameters, string? accept, DateTimeOffset now, bool charted)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (ReadingRequestParser.TryParseRange(parameters.From, parameters.To, now, DefaultRange, ReadingLimits.MaxRange, out var from, out var to) is { } rangeError)
        {
            return (null, rangeError);
        }

        var zoneId = string.IsNullOrEmpty(parameters.Tz) ? DefaultTimeZone : parameters.Tz;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return Invalid("tz", $"'{zoneId}' is not a time zone; use an IANA time zone name such as Europe/Paris (the default) or UTC");
        }

        if (!AnalysisTimeZones.HasWholeHourOffsets(zone))
        {
            return Invalid("tz", $"'{zoneId}' has offsets that are not whole hours; the analyses bin readings by UTC hour, which are local hours only in zones such as Europe/Paris or UTC");
        }

        AnalysisFormat? format = parameters.Format switch
        {
            null or "" when accept?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true => AnalysisFormat.Csv,
            null or "" when charted && accept?.Contains("image/png", StringComparison.OrdinalIgnoreCase) == true => AnalysisFormat.Png,
            null or "" or "json" => AnalysisFormat.Json,
            "csv" => AnalysisFormat.Csv,
            "png" when charted => AnalysisFormat.Png,
            _ => null,
        };
        return format is { } known
            ? (new AnalysisRange(from, to, zone, known), null)
            : Invalid("format", $"'{parameters.Format}' is not a format of this analysis; allowed values: json, csv{(charted ? ", png" : string.Empty)}");
    }

    private static (AnalysisRange?, QueryParameterError?) Invalid(string parameter, string message) => (null, new QueryParameterError(parameter, message));
}
