using UrbanSensing.Analytics.Rain;

namespace UrbanSensing.Cli.Analyze;

/// <summary>One rain gauge over the range: its readings, the tips they count, and the rain events those tips make.</summary>
internal sealed record GaugeEvents(string Site, string Device, int Readings, int Tips, double DepthMm, IReadOnlyList<RainEvent> Events);
