using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>The flags of one stored point, with its channel and its whole series key, to write them back to that very point.</summary>
/// <param name="SeriesKey">Measurement and every tag of the point, as line protocol spells them (<see cref="LineProtocol.SeriesKey"/>).</param>
internal readonly record struct StoredFlags(InfluxChannel Channel, string SeriesKey, long Nanoseconds, QualityFlags Flags);
