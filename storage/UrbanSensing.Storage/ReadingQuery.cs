using UrbanSensing.Protocol;

namespace UrbanSensing.Storage;

/// <summary>A selection of readings over the half-open interval [<paramref name="From"/>, <paramref name="To"/>).</summary>
/// <param name="DeviceIds">Devices to include; empty means every device.</param>
/// <param name="Quantities">Quantities to include; empty means every quantity.</param>
/// <param name="Limit">At most this many readings, when set.</param>
/// <param name="ExcludeFlagged">Leave out readings with any <see cref="QualityFlags"/>.</param>
public sealed record ReadingQuery(
    IReadOnlyList<string> DeviceIds,
    IReadOnlyList<Quantity> Quantities,
    DateTimeOffset From,
    DateTimeOffset To,
    int? Limit = null,
    bool ExcludeFlagged = false);
