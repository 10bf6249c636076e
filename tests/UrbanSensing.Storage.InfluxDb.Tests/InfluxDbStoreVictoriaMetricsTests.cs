using System.Globalization;
using UrbanSensing.Protocol;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;

namespace UrbanSensing.Storage.InfluxDb.Tests;

/// <summary>
/// The V2 write path, gzip on, against VictoriaMetrics, read back through its export API. VictoriaMetrics names a series
/// <c>{measurement}_{field}</c>, turns tags into labels and keeps milliseconds. It also keeps only about 14 significant
/// digits of a value (0.30000000000000004 comes back as 0.3, 5E-324 as 0), and the samples of one series share a
/// decimal exponent (1e-5 next to 1e300 in one series comes back as 0), so the values here are kept plain.
/// </summary>
public sealed class InfluxDbStoreVictoriaMetricsTests(VictoriaMetricsServer server) : IClassFixture<VictoriaMetricsServer>
{
    // Each test writes devices of its own, so tests sharing the server never see each other's series.
    private readonly string _devicePrefix = $"vm-{Guid.NewGuid():N}-";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AppendAsync_ReadingsOfEveryQuantity_ArriveWithTheirValuesLabelsAndMilliseconds()
    {
        await using var store = Store();
        var readings = Quantities.All
            .Select((quantity, index) => new Reading(
                Device(index % 3),
                $"part-{index}",
                quantity,
                T0.AddMinutes(index).AddTicks(index * 3_210),
                (index * 0.25) - 1.5,
                index % 2 == 0 ? index : null))
            .Append(Temperature(Device(0), T0.AddHours(1), -1013.25, sequence: 99))
            .Append(new Reading(Device(0), "tiny", Quantities.Pm25, T0, 1e-5, null))
            .Append(new Reading(Device(0), "huge", Quantities.Pm25, T0, 1e300, null))
            .ToArray();

        await store.AppendAsync(readings, Token);

        Assert.Equal(Samples(readings), await StoredSamplesAsync(Samples(readings).Count));
    }

    [Fact]
    public async Task AppendAsync_SameBatchTwice_KeepsOneSamplePerPoint()
    {
        await using var store = Store();
        Reading[] batch = [Temperature(Device(0), T0, 1, sequence: 1), Temperature(Device(0), T0.AddSeconds(1), 2), Temperature(Device(1), T0, 3)];

        await store.AppendAsync(batch, Token);
        await store.AppendAsync(batch, Token);

        Assert.Equal(Samples(batch), await StoredSamplesAsync(Samples(batch).Count));
    }

    [Fact]
    public async Task AppendAsync_BatchLargerThanBatchSize_IsSplitAndFullyWritten()
    {
        await using var store = Store(batchSize: 7);
        var readings = Enumerable.Range(0, 100)
            .Select(index => Temperature(Device(index % 4), T0.AddSeconds(index), index, sequence: index))
            .ToArray();
        var requestsBefore = await server.InfluxWriteRequestCountAsync(Token);

        await store.AppendAsync(readings, Token);

        Assert.Equal(15, await server.InfluxWriteRequestCountAsync(Token) - requestsBefore);
        Assert.Equal(Samples(readings), await StoredSamplesAsync(Samples(readings).Count));
    }

    [Fact]
    public async Task AppendAsync_TagValuesWithSpacesCommasAndEquals_SurviveTheRoundTrip()
    {
        var tags = new DeviceTags("Place du Théâtre, Lille", "district=Vieux Lille", "LCZ 2, compact midrise");
        await using var store = Store(deviceTags: _ => tags);
        Reading[] readings = [Temperature(Device(0), T0, 21.5, sequence: 3)];

        await store.AppendAsync(readings, Token);

        Assert.Equal(Samples(readings, tags), await StoredSamplesAsync(3));
    }

    private InfluxDbStore Store(int batchSize = 5000, Func<string, DeviceTags?>? deviceTags = null) => new(
        new InfluxDbStoreOptions
        {
            Url = server.Url.ToString(),
            Organization = "lille",
            Bucket = "urbansensing",
            Gzip = true,
            BatchSize = batchSize,
        },
        deviceTags);

    private string Device(int index) => $"{_devicePrefix}{index}";

    /// <summary>What VictoriaMetrics should hold for the readings: one sample per field, labels sorted, time in milliseconds.</summary>
    private static SortedSet<string> Samples(IEnumerable<Reading> readings, DeviceTags? tags = null)
    {
        var samples = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var reading in readings)
        {
            var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["device"] = reading.DeviceId,
                ["sensor"] = reading.Sensor,
                ["quantity"] = reading.Quantity.Name,
            };
            if (tags is not null)
            {
                labels["site"] = tags.Site!;
                labels["district"] = tags.District!;
                labels["lcz"] = tags.LocalClimateZone!;
            }

            var measurement = reading.Quantity.Domain.ToString().ToLowerInvariant();
            var milliseconds = reading.Timestamp.ToUnixTimeMilliseconds();
            samples.Add(Sample($"{measurement}_value", labels, milliseconds, reading.Value));
            samples.Add(Sample($"{measurement}_qc", labels, milliseconds, 0));
            if (reading.Sequence is { } sequence)
            {
                samples.Add(Sample($"{measurement}_seq", labels, milliseconds, sequence));
            }
        }

        return samples;
    }

    private static string Sample(string name, IDictionary<string, string> labels, long milliseconds, double value) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{name}{{{string.Join(",", labels.OrderBy(label => label.Key, StringComparer.Ordinal).Select(label => $"{label.Key}=\"{label.Value}\""))}}} {value:R} @{milliseconds}");

    /// <summary>The samples of this test's devices, polled until at least <paramref name="expected"/> are searchable.</summary>
    private async Task<SortedSet<string>> StoredSamplesAsync(int expected)
    {
        var selector = $"{{__name__=~\"(air|water|rain|surface)_(value|qc|seq)\",device=~\"{_devicePrefix}.*\"}}";
        var samples = new SortedSet<string>(StringComparer.Ordinal);
        for (var attempt = 0; attempt < 100 && samples.Count < expected; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), Token);
            }

            samples.Clear();
            var count = 0;
            foreach (var series in await server.ExportAsync(selector, Token))
            {
                var labels = series.Labels.Where(label => label.Key != "__name__").ToDictionary();
                for (var index = 0; index < series.Values.Length; index++)
                {
                    samples.Add(Sample(series.Labels["__name__"], labels, series.Timestamps[index], series.Values[index]));
                    count++;
                }
            }

            // A sample stored twice would collapse in the set; count every exported sample instead.
            Assert.Equal(samples.Count, count);
        }

        return samples;
    }
}
