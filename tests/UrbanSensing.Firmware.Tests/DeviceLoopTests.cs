using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;
using UrbanSensing.Firmware.Tests.Fakes;
using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Firmware.Tests;

public sealed class DeviceLoopTests
{
    private const string DeviceId = "vieux-lille-01";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    // Seven digits of fraction: the device clock has 100 ns ticks, the wire has microseconds.
    private static readonly DateTimeOffset Start = new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private static readonly Quantity[] SixQuantities =
    [
        Quantities.AirTemperature, Quantities.RelativeHumidity, Quantities.AirPressure,
        Quantities.Pm25, Quantities.Pm10, Quantities.NitrogenDioxide,
    ];

    [Fact]
    public async Task RunAsync_EveryRound_StampsReadingsWithTheClockAndConsecutiveSequences()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new SteppedTimeProvider(Start);
        var sensor = new ScriptedSensor("sht31", [Quantities.AirTemperature, Quantities.RelativeHumidity], (read, index) => index == 0 ? 20 + read : 60 - read);
        var transport = new RecordingTransport();
        var loop = CreateLoop(Options() with { ReadingsPerMessage = 4, MaxReadings = 8, FirstSequence = 100 }, transport, clock, sensor);

        var run = loop.RunAsync(cancellationToken);
        await clock.AdvanceRoundByRoundAsync(run, sensor, Interval, cancellationToken);
        var report = await run;

        var readings = Decode(transport).SelectMany(pack => pack).ToList();
        var firstRound = new DateTimeOffset(2025, 7, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_560);
        Assert.Equal(Enumerable.Range(100, 8).Select(sequence => (long?)sequence), readings.Select(reading => reading.Sequence));
        Assert.Equal(
            Enumerable.Range(0, 4).SelectMany(round => Enumerable.Repeat(firstRound + (round * Interval), 2)),
            readings.Select(reading => reading.Timestamp));
        Assert.Equal([20, 60, 21, 59, 22, 58, 23, 57], readings.Select(reading => reading.Value));
        Assert.All(readings, reading => Assert.Equal(DeviceId, reading.DeviceId));
        Assert.All(readings, reading => Assert.Equal("sht31", reading.Sensor));
        Assert.All(transport.Delivered, message => Assert.Equal(SenmlJson.ContentType, message.ContentType));
        Assert.Equal(new DeviceReport(DeviceId, 8, 8, 2, 0, 0), report);
    }

    [Fact]
    public async Task RunAsync_MaxReadingsMidRound_ProducesExactlyMaxReadingsInPacksOfReadingsPerMessage()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new SteppedTimeProvider(Start);
        var sensor = new ScriptedSensor("multi", SixQuantities[..3], (read, index) => (read * 10) + index);
        var transport = new RecordingTransport();
        var loop = CreateLoop(Options() with { ReadingsPerMessage = 5, MaxReadings = 7, Representation = SenmlRepresentation.Cbor }, transport, clock, sensor);

        var run = loop.RunAsync(cancellationToken);
        await clock.AdvanceRoundByRoundAsync(run, sensor, Interval, cancellationToken);
        var report = await run;

        var packs = Decode(transport);
        Assert.Equal([5, 2], packs.Select(pack => pack.Count));
        Assert.Equal([0, 1, 2, 10, 11, 12, 20], packs.SelectMany(pack => pack).Select(reading => reading.Value));
        Assert.All(transport.Delivered, message => Assert.Equal(SenmlCbor.ContentType, message.ContentType));
        Assert.Equal(new DeviceReport(DeviceId, 7, 7, 2, 0, 0), report);
    }

    [Fact]
    public async Task RunAsync_TransportFailsThenRecovers_DeliversEveryMessageInOrderWithCappedExponentialBackoff()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new SteppedTimeProvider(Start);
        var sensor = new ScriptedSensor("multi", SixQuantities, (_, index) => index);
        var transport = new RecordingTransport { FailFirstPublishes = 4 };
        var options = Options() with { ReadingsPerMessage = 2, MaxReadings = 6, RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(3) };
        var loop = CreateLoop(options, transport, clock, sensor);

        var run = loop.RunAsync(cancellationToken);
        await clock.AdvanceThroughTimersAsync(run, cancellationToken);
        var report = await run;

        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3)],
            clock.OneShotDelays);
        Assert.Equal(7, transport.PublishAttempts);
        Assert.Equal([0L, 1, 2, 3, 4, 5], Decode(transport).SelectMany(pack => pack).Select(reading => reading.Sequence!.Value));
        Assert.Equal(new DeviceReport(DeviceId, 6, 6, 3, 0, 0), report);
        Assert.Equal(1, transport.Disconnects);
    }

    [Fact]
    public async Task RunAsync_OutboxFull_DropsTheOldestMessagesAndReportsThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new SteppedTimeProvider(Start);
        var sensor = new ScriptedSensor("multi", SixQuantities, (_, index) => index);
        var brokerReachable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var transport = new RecordingTransport { ConnectGate = brokerReachable.Task };
        var loop = CreateLoop(Options() with { ReadingsPerMessage = 1, MaxReadings = 6, OutboxCapacity = 2 }, transport, clock, sensor);

        var run = loop.RunAsync(cancellationToken);
        Assert.False(run.IsCompleted);
        brokerReachable.SetResult();
        var report = await run;

        Assert.Equal([4L, 5], Decode(transport).SelectMany(pack => pack).Select(reading => reading.Sequence!.Value));
        Assert.Equal(new DeviceReport(DeviceId, 6, 2, 2, 4, 0), report);
    }

    [Fact]
    public async Task RunAsync_SensorThrows_CountsTheErrorAndKeepsSampling()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new SteppedTimeProvider(Start);
        var air = new ScriptedSensor("sht31", [Quantities.AirTemperature], (read, _) => 20 + read);
        var rain = new ScriptedSensor("rg", [Quantities.RainGaugeTips], (read, _) => read) { FailingReads = new HashSet<int> { 1 } };
        var transport = new RecordingTransport();
        var loop = CreateLoop(Options() with { MaxReadings = 7 }, transport, clock, air, rain);

        var run = loop.RunAsync(cancellationToken);
        await clock.AdvanceRoundByRoundAsync(run, air, Interval, cancellationToken);
        var report = await run;

        var readings = Decode(transport).SelectMany(pack => pack).ToList();
        Assert.Equal(
            ["sht31", "rg", "sht31", "sht31", "rg", "sht31", "rg"],
            readings.Select(reading => reading.Sensor));
        Assert.Equal([20, 0, 21, 22, 2, 23, 3], readings.Select(reading => reading.Value));
        Assert.Equal(Enumerable.Range(0, 7).Select(sequence => (long?)sequence), readings.Select(reading => reading.Sequence));
        Assert.Equal(new DeviceReport(DeviceId, 7, 7, 1, 0, 1), report);
    }

    [Fact]
    public async Task RunAsync_SensorReturnsNaN_DiscardsTheReadAndCountsAnError()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = new SteppedTimeProvider(Start);
        var air = new ScriptedSensor("sht31", [Quantities.AirTemperature, Quantities.RelativeHumidity], (read, index) => read == 0 && index == 1 ? double.NaN : 20);
        var transport = new RecordingTransport();
        var loop = CreateLoop(Options() with { MaxReadings = 2 }, transport, clock, air);

        var run = loop.RunAsync(cancellationToken);
        await clock.AdvanceRoundByRoundAsync(run, air, Interval, cancellationToken);
        var report = await run;

        var readings = Decode(transport).SelectMany(pack => pack).ToList();
        Assert.Equal([Start.AddTicks(-7) + Interval, Start.AddTicks(-7) + Interval], readings.Select(reading => reading.Timestamp));
        Assert.Equal(new DeviceReport(DeviceId, 2, 2, 1, 0, 1), report);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileBrokerIsDown_GivesUpAfterTheGracePeriodAndReports()
    {
        var testToken = TestContext.Current.CancellationToken;
        var clock = new SteppedTimeProvider(Start);
        var air = new ScriptedSensor("sht31", [Quantities.AirTemperature, Quantities.RelativeHumidity], (_, _) => 20);
        var transport = new RecordingTransport { AlwaysFail = true };
        var loop = CreateLoop(Options() with { ShutdownGracePeriod = TimeSpan.FromSeconds(5) }, transport, clock, air);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(testToken);

        var run = loop.RunAsync(stop.Token);
        await air.Reads.WaitAsync(testToken);
        await stop.CancelAsync();
        await clock.AdvanceThroughTimersAsync(run, testToken);
        var report = await run;

        Assert.Equal(new DeviceReport(DeviceId, 2, 0, 0, 0, 0), report);
        Assert.True(transport.PublishAttempts >= 1);
        Assert.InRange(clock.GetUtcNow() - Start, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void Constructor_InvalidDeviceId_ThrowsNamingTheOption()
    {
        var sensor = new ScriptedSensor("sht31", [Quantities.AirTemperature], (_, _) => 20);

        var exception = Assert.Throws<ValidationException>(
            () => CreateLoop(Options() with { DeviceId = "lille/01" }, new RecordingTransport(), TimeProvider.System, sensor));

        Assert.Contains(nameof(DeviceLoopOptions.DeviceId), exception.ValidationResult.MemberNames);
    }

    [Fact]
    public void Constructor_ZeroReadingsPerMessage_ThrowsNamingTheOption()
    {
        var sensor = new ScriptedSensor("sht31", [Quantities.AirTemperature], (_, _) => 20);

        var exception = Assert.Throws<ValidationException>(
            () => CreateLoop(Options() with { ReadingsPerMessage = 0 }, new RecordingTransport(), TimeProvider.System, sensor));

        Assert.Contains(nameof(DeviceLoopOptions.ReadingsPerMessage), exception.ValidationResult.MemberNames);
    }

    private static DeviceLoopOptions Options() => new() { DeviceId = DeviceId, SamplingInterval = Interval };

    private static DeviceLoop CreateLoop(DeviceLoopOptions options, IDeviceTransport transport, TimeProvider clock, params ISensor[] sensors) =>
        new(options, sensors, transport, clock, NullLogger<DeviceLoop>.Instance);

    private static List<IReadOnlyList<Reading>> Decode(RecordingTransport transport) =>
        [.. transport.Delivered.Select(message =>
            SenmlReadings.FromPack(SenmlPayload.Decode(message.Payload, message.ContentType), Start))];
}
