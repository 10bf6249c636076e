using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Analytics.Reports;

/// <summary>One rain gauge over the range: its readings, the tips they count, and the rain events those tips make.</summary>
public sealed record GaugeEvents(string Site, string Device, int Readings, int Tips, double DepthMm, IReadOnlyList<RainEvent> Events);
