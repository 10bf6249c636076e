using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.Aggregation;

/// <summary>The statistics of one channel (device, sensor, quantity) over one window [<paramref name="Start"/>, <paramref name="End"/>).</summary>
/// <param name="Start">The window's first instant, with the time zone's offset at that instant.</param>
/// <param name="End">The next window's first instant, with the time zone's offset at that instant.</param>
/// <param name="Values">One per aggregate of the query, in its order, in the quantity's unit (<c>count</c> is a number of readings).</param>
public sealed record AggregatedWindow(
    string DeviceId,
    string Sensor,
    Quantity Quantity,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<double> Values);
