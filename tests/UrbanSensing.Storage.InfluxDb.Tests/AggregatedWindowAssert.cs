using System.Globalization;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>
/// Compares aggregated windows as the store contract promises them: channel, start and end exactly (with their
/// offsets), values within a relative 1e-9, since stores may add up a window's readings in another order.
/// </summary>
internal static class AggregatedWindowAssert
{
    private const double RelativeTolerance = 1e-9;

    public static void Equal(IReadOnlyList<AggregatedWindow> expected, IReadOnlyList<AggregatedWindow> actual)
    {
        for (var index = 0; index < Math.Min(expected.Count, actual.Count); index++)
        {
            var (wanted, got) = (expected[index], actual[index]);
            var same = wanted.DeviceId == got.DeviceId
                && wanted.Sensor == got.Sensor
                && wanted.Quantity == got.Quantity
                && wanted.Start.EqualsExact(got.Start)
                && wanted.End.EqualsExact(got.End)
                && wanted.Values.Count == got.Values.Count
                && wanted.Values.Zip(got.Values).All(pair => Close(pair.First, pair.Second));
            Assert.True(same, $"Window {index} of {expected.Count}: expected {Describe(wanted)} but found {Describe(got)}.");
        }

        Assert.True(expected.Count == actual.Count, $"Expected {expected.Count} windows but found {actual.Count}.");
    }

    private static bool Close(double expected, double actual) =>
        expected == actual || Math.Abs(expected - actual) <= RelativeTolerance * Math.Max(Math.Abs(expected), Math.Abs(actual));

    private static string Describe(AggregatedWindow window) => string.Create(
        CultureInfo.InvariantCulture,
        $"{window.DeviceId}/{window.Sensor}/{window.Quantity.Name} [{window.Start:O}, {window.End:O}) = [{string.Join(", ", window.Values.Select(value => value.ToString("R", CultureInfo.InvariantCulture)))}]");
}
