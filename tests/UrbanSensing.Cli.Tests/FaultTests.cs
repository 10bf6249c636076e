using System.Text.Json;
using UrbanSensing.Protocol;
using UrbanSensing.Storage;
using UrbanSensing.Storage.DuckDb;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Cli.Tests;

/// <summary>
/// Faults on real processes and real servers on loopback: <c>urbansensing ingest</c> processes killed with SIGKILL,
/// Mosquitto restarted, instances sharing a subscription, hostile payloads. Delivery must stay at-least-once and
/// the store must hold every reading exactly once.
/// </summary>
public sealed class FaultTests : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();
    private MosquittoServer? _mosquitto;

    public async ValueTask InitializeAsync() => _mosquitto = await MosquittoServer.StartAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Ingest_KilledThreeTimesWhile100000ReadingsArePublished_StoresEveryReadingExactlyOnce()
    {
        const int devices = 100, messagesPerDevice = 100;
        var cancellationToken = TestContext.Current.CancellationToken;
        var dataFile = Path.Combine(_folder.Path, "killed.duckdb");
        await using var ingestion = await IngestProcess.StartAsync(_mosquitto!.Port, "crashy", dataFile, cancellationToken);
        await using var publisher = new LoadPublisher(_mosquitto.Port, "load");

        var publishing = publisher.PublishReadingsAsync(devices, messagesPerDevice, messagesPerSecond: 1_000, cancellationToken);
        foreach (var progress in new[] { 0.2, 0.45, 0.7 })
        {
            await Poll.UntilAsync(() => publisher.Published >= progress * devices * messagesPerDevice, cancellationToken);
            await ingestion.KillAsync();
            await ingestion.StartAsync(cancellationToken);
        }

        Assert.False(publishing.IsCompleted, "the kills should happen while readings are still being published");
        await publishing;
        await Poll.UntilAsync(async () => await CountReadingsAsync(ingestion, cancellationToken) == devices * messagesPerDevice * LoadPublisher.ReadingsPerMessage, cancellationToken);
        await ingestion.StopAsync();

        await AssertEveryReadingOnceAsync([dataFile], devices, messagesPerDevice, cancellationToken);
    }

    [Fact]
    public async Task Ingest_MosquittoRestartsMidRun_ReconnectsByItselfAndLosesNothing()
    {
        const int devices = 20, messagesPerDevice = 50;
        var cancellationToken = TestContext.Current.CancellationToken;
        var dataFile = Path.Combine(_folder.Path, "restart.duckdb");
        await using var ingestion = await IngestProcess.StartAsync(_mosquitto!.Port, "patient", dataFile, cancellationToken);
        await using var publisher = new LoadPublisher(_mosquitto.Port, "load");

        var plan = LoadPublisher.Plan(devices, messagesPerDevice).ToList();
        foreach (var (deviceId, message) in plan.Take(plan.Count / 2))
        {
            await publisher.PublishAsync(Topics.Telemetry(deviceId), LoadPublisher.Pack(deviceId, message), cancellationToken);
        }

        await _mosquitto.StopAsync();
        await _mosquitto.RestartAsync(cancellationToken);
        foreach (var (deviceId, message) in plan.Skip(plan.Count / 2))
        {
            await publisher.PublishAsync(Topics.Telemetry(deviceId), LoadPublisher.Pack(deviceId, message), cancellationToken);
        }

        await Poll.UntilAsync(async () => await CountReadingsAsync(ingestion, cancellationToken) == plan.Count * LoadPublisher.ReadingsPerMessage, cancellationToken);
        Assert.Contains("lost mqtt://", ingestion.Output, StringComparison.Ordinal);
        await ingestion.StopAsync();

        await AssertEveryReadingOnceAsync([dataFile], devices, messagesPerDevice, cancellationToken);
    }

    [Fact]
    public async Task Ingest_ThreeInstancesInASharedGroupOneKilled_SplitTheLoadAndLoseNothing()
    {
        const int devices = 60, messagesPerDevice = 50;
        var cancellationToken = TestContext.Current.CancellationToken;
        var dataFiles = Enumerable.Range(1, 3).Select(index => Path.Combine(_folder.Path, $"shared-{index}.duckdb")).ToArray();
        var instances = new List<IngestProcess>();
        foreach (var (dataFile, index) in dataFiles.Select((file, index) => (file, index + 1)))
        {
            instances.Add(await IngestProcess.StartAsync(
                _mosquitto!.Port, $"city-{index}", dataFile, cancellationToken, "--connections", "2", "--shared-group", "city"));
        }

        try
        {
            await using var publisher = new LoadPublisher(_mosquitto!.Port, "load");
            var publishing = publisher.PublishReadingsAsync(devices, messagesPerDevice, messagesPerSecond: 500, cancellationToken);
            await Poll.UntilAsync(() => publisher.Published >= devices * messagesPerDevice / 3, cancellationToken);
            await instances[1].KillAsync();
            Assert.False(publishing.IsCompleted, "the kill should happen while readings are still being published");
            await publishing;
            await instances[1].StartAsync(cancellationToken);

            var expected = devices * messagesPerDevice * LoadPublisher.ReadingsPerMessage;
            await Poll.UntilAsync(async () => (await Task.WhenAll(instances.Select(instance => CountReadingsAsync(instance, cancellationToken)))).Sum() == expected, cancellationToken);
            var shares = await Task.WhenAll(instances.Select(instance => CountReadingsAsync(instance, cancellationToken)));
            Assert.All(shares, share => Assert.True(share > 0, $"an instance got no share: {string.Join(", ", shares)}"));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.StopAsync();
                await instance.DisposeAsync();
            }
        }

        await AssertEveryReadingOnceAsync(dataFiles, devices, messagesPerDevice, cancellationToken);
    }

    [Fact]
    public async Task Ingest_StoreDownFor30Seconds_SpillsThenDrainsAndLosesNothing()
    {
        const int devices = 20, messagesPerDevice = 50;
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var store = await VictoriaMetricsProcess.StartAsync(Path.Combine(_folder.Path, "victoria"), cancellationToken);
        var spill = Path.Combine(_folder.Path, "spill");
        await using var ingestion = await IngestProcess.StartAsync(
            _mosquitto!.Port, "spilling", Path.Combine(_folder.Path, "outage.duckdb"), cancellationToken,
            "--store", "InfluxDb", "--influx-url", store.Url.ToString(), "--influx-org", "lille", "--influx-bucket", "urbansensing", "--spill", spill);
        await using var publisher = new LoadPublisher(_mosquitto.Port, "load");
        var plan = LoadPublisher.Plan(devices, messagesPerDevice).ToList();

        foreach (var (deviceId, message) in plan.Take(plan.Count / 3))
        {
            await publisher.PublishAsync(Topics.Telemetry(deviceId), LoadPublisher.Pack(deviceId, message), cancellationToken);
        }

        await store.StopAsync();
        var outage = TimeProvider.System.GetTimestamp();
        foreach (var (deviceId, message) in plan.Skip(plan.Count / 3))
        {
            await publisher.PublishAsync(Topics.Telemetry(deviceId), LoadPublisher.Pack(deviceId, message), cancellationToken);
        }

        await Poll.UntilAsync(() => Directory.Exists(spill) && Directory.EnumerateFiles(spill, "*.spill").Any(), cancellationToken);
        var remaining = TimeSpan.FromSeconds(30) - TimeProvider.System.GetElapsedTime(outage);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, cancellationToken);
        }

        await store.StartAsync(cancellationToken);
        await Poll.UntilAsync(() => !Directory.EnumerateFiles(spill, "*.spill").Any(), cancellationToken);
        await Poll.UntilAsync(async () => (await store.ExportSequencesAsync(cancellationToken)).Count == plan.Count * LoadPublisher.ReadingsPerMessage, cancellationToken);

        var stored = await store.ExportSequencesAsync(cancellationToken);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.All(stored.GroupBy(sample => sample.Device), device => Assert.Equal(
            Enumerable.Range(0, messagesPerDevice * LoadPublisher.ReadingsPerMessage).Select(sequence => (long)sequence),
            device.Select(sample => sample.Sequence).Order()));
        Assert.Contains("spilling to disk", ingestion.Output, StringComparison.Ordinal);
        Assert.Contains("spill is drained", ingestion.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TenThousandHostilePayloads_KeepsRunningAndDeadLettersEachOne()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var ingestion = await IngestProcess.StartAsync(_mosquitto!.Port, "sturdy", Path.Combine(_folder.Path, "hostile.duckdb"), cancellationToken);
        await using var publisher = new LoadPublisher(_mosquitto.Port, "attacker");
        var hostile = HostilePayloads.Generate(10_000).ToList();

        foreach (var (topic, payload) in hostile)
        {
            await publisher.PublishAsync(topic, payload, cancellationToken);
        }

        await publisher.PublishAsync(Topics.Telemetry("load-0001"), LoadPublisher.Pack("load-0001", 0), cancellationToken);

        await Poll.UntilAsync(async () => await CountReadingsAsync(ingestion, cancellationToken) == LoadPublisher.ReadingsPerMessage, cancellationToken);
        await Poll.UntilAsync(async () => (await CountAsync(ingestion, "/api/v1/dead-letters?limit=10000", cancellationToken)) == hostile.Count, cancellationToken);
        using var live = await ingestion.Api.GetAsync("/api/v1/health/live", cancellationToken);
        Assert.True(live.IsSuccessStatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }

        _folder.Dispose();
    }

    private static Task<int> CountReadingsAsync(IngestProcess ingestion, CancellationToken cancellationToken) =>
        CountAsync(
            ingestion,
            FormattableString.Invariant($"/api/v1/readings?from={LoadPublisher.Start.AddDays(-1):yyyy-MM-ddTHH:mm:ssZ}&to={LoadPublisher.Start.AddDays(1):yyyy-MM-ddTHH:mm:ssZ}&limit=100000"),
            cancellationToken);

    private static async Task<int> CountAsync(IngestProcess ingestion, string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await ingestion.Api.GetStreamAsync(path, cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return document.RootElement.GetArrayLength();
        }
        catch (HttpRequestException)
        {
            return -1;
        }
    }

    private static async Task AssertEveryReadingOnceAsync(string[] dataFiles, int devices, int messagesPerDevice, CancellationToken cancellationToken)
    {
        var keys = new List<(string Device, long? Sequence)>();
        foreach (var dataFile in dataFiles)
        {
            await using var store = await DuckDbStore.OpenAsync(new DuckDbStoreOptions { Path = dataFile }, cancellationToken);
            var query = new ReadingQuery([], [], LoadPublisher.Start.AddDays(-1), LoadPublisher.Start.AddDays(1));
            await foreach (var reading in store.QueryAsync(query, cancellationToken))
            {
                keys.Add((reading.DeviceId, reading.Sequence));
            }
        }

        Assert.Equal(devices * messagesPerDevice * LoadPublisher.ReadingsPerMessage, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(
            keys.GroupBy(key => key.Device),
            device => Assert.Equal(messagesPerDevice * LoadPublisher.ReadingsPerMessage, device.Count()));
    }
}
