namespace UrbanSensing.Api.Analyses;

/// <summary>A valid <see cref="AnalysisParameters"/>: the range [From, To), the zone of its days and the answer's format.</summary>
public sealed record AnalysisRange(DateTimeOffset From, DateTimeOffset To, TimeZoneInfo TimeZone, AnalysisFormat Format);
