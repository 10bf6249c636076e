using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using System.Text;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using UrbanSensing.Protocol;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Ingestion.Tests;

public sealed class IngestionPipelineTests : IDisposable
{
    private static readonly IngestionOptions Options = new()
    {
        BatchMaxMessages = 5,
        BatchWindow = TimeSpan.FromSeconds(1),
        RetryInitialDelay = TimeSpan.FromMilliseconds(200),
        RetryMaxDelay = TimeSpan.FromSeconds(5),
    };

    private readonly HistoricalScheduler _scheduler = new(TestMessages.Start);
    private readonly ControllableStore _store = new();
    private readonly TestMeterFactory _meters = new();
    private readonly TestMessages _messages = new();
    private readonly Subject<InboundMessage> _source = new();
    private readonly List<BatchOutcome> _outcomes = [];
    private readonly TaskCompletionSource<BatchOutcome> _firstOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;
    private bool _completed;

    public IngestionPipelineTests()
    {
        var writer = new BatchWriter(_store, _store, _store, new IngestionMetrics(_meters), new FakeTimeProvider(TestMessages.Start), NullLogger<BatchWriter>.Instance);
        var pipeline = new IngestionPipeline(writer, Options, new RegistryCalibration(new Registry.SensorRegistry([], [])), _scheduler, NullLogger<IngestionPipeline>.Instance);
        _subscription = pipeline.Run(_source).Subscribe(
            outcome =>
            {
                _outcomes.Add(outcome);
                _firstOutcome.TrySetResult(outcome);
            },
            () => _completed = true);
    }

    [Fact]
    public void Run_FewerMessagesThanABatch_WritesWhenTheWindowCloses()
    {
        Publish(3);
        _scheduler.AdvanceBy(Options.BatchWindow - TimeSpan.FromTicks(1));

        Assert.Empty(_store.Batches);
        Assert.Equal(0, _messages.Acknowledged);

        _scheduler.AdvanceBy(TimeSpan.FromTicks(1));

        Assert.Equal(6, Assert.Single(_store.Batches).Count);
        Assert.Equal(3, _messages.Acknowledged);
    }

    [Fact]
    public void Run_AFullBatch_IsWrittenWithoutWaitingForTheWindow()
    {
        Publish(Options.BatchMaxMessages + 2);

        Assert.Equal(2 * Options.BatchMaxMessages, Assert.Single(_store.Batches).Count);
        Assert.Equal(Options.BatchMaxMessages, _messages.Acknowledged);

        _scheduler.AdvanceBy(Options.BatchWindow);

        Assert.Equal(2, _store.Batches.Count);
        Assert.Equal(Options.BatchMaxMessages + 2, _messages.Acknowledged);
    }

    [Fact]
    public async Task Run_WriteInProgress_AcknowledgesOnlyAfterTheStoreHasTheReadings()
    {
        var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.Stall = write.Task;
        Publish(Options.BatchMaxMessages);

        Assert.Equal(0, _messages.Acknowledged);
        Assert.Empty(_store.Batches);

        write.SetResult();
        var outcome = await _firstOutcome.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Single(_store.Batches);
        Assert.Equal(Options.BatchMaxMessages, _messages.Acknowledged);
        Assert.Equal(2 * Options.BatchMaxMessages, outcome.ReadingsStored);
        // What the continuous analytics read: the same readings the store was given, message by message.
        Assert.Equal(Options.BatchMaxMessages, outcome.Stored.Count);
        Assert.Equal(_store.Batches.Single(), outcome.Stored.SelectMany(message => message.Readings));
    }

    [Fact]
    public void Run_StoreFailsTwice_RetriesWithBackoffAndAcknowledgesOnlyAfterSuccess()
    {
        _store.FailuresToInject = 2;

        Publish(Options.BatchMaxMessages);

        Assert.Equal(1, _store.AppendCalls);
        Assert.Equal(0, _messages.Acknowledged);

        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(199));
        Assert.Equal(1, _store.AppendCalls);

        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _store.AppendCalls);
        Assert.Equal(0, _messages.Acknowledged);

        _scheduler.AdvanceBy(TimeSpan.FromMilliseconds(400));
        Assert.Equal(3, _store.AppendCalls);
        Assert.Equal(Options.BatchMaxMessages, _messages.Acknowledged);
        Assert.Equal(3, Assert.Single(_outcomes).Attempts);
    }

    [Fact]
    public void Run_StoreKeepsFailing_RetriesAtTheCappedDelayAndNeverAcknowledges()
    {
        _store.FailuresToInject = int.MaxValue;

        Publish(Options.BatchMaxMessages);
        _scheduler.AdvanceBy(TimeSpan.FromMinutes(1));

        // 0.2 + 0.4 + 0.8 + 1.6 + 3.2 s, then one try every 5 s for the remaining 53.8 s.
        Assert.Equal(1 + 5 + 10, _store.AppendCalls);
        Assert.Equal(0, _messages.Acknowledged);
        Assert.Empty(_outcomes);
        Assert.False(_completed);
    }

    [Fact]
    public void Run_MalformedMessage_IsDeadLetteredWithItsReasonAndThePipelineGoesOn()
    {
        var payload = Encoding.UTF8.GetBytes("[{\"bn\":\"fives-01/\",\"n\":\"sht31/air-temperature\",\"u\":\"degF\",\"v\":70}]");
        _source.OnNext(_messages.Message(Topics.Telemetry("fives-01"), payload));
        Publish(2);
        _source.OnNext(_messages.Message(Topics.Telemetry("fives-01"), [0xff, 0x00]));
        _scheduler.AdvanceBy(Options.BatchWindow);

        Assert.Equal(2, _store.DeadLetters.Count);
        var unknownUnit = _store.DeadLetters[0];
        Assert.Equal(Topics.Telemetry("fives-01"), unknownUnit.Topic);
        Assert.Equal("fives-01", unknownUnit.DeviceId);
        Assert.Contains("unknown unit 'degF'", unknownUnit.Reason, StringComparison.Ordinal);
        Assert.Equal(nameof(RejectionKind.UnknownUnit), unknownUnit.Kind);
        Assert.Equal(payload, unknownUnit.Payload.ToArray());

        // Without a content type, bytes that start neither a SenML JSON nor a CBOR array are read as line protocol.
        Assert.StartsWith("line 1, column 1: the payload is not UTF-8 text", _store.DeadLetters[1].Reason, StringComparison.Ordinal);
        Assert.Equal(nameof(RejectionKind.MalformedPayload), _store.DeadLetters[1].Kind);
        Assert.Equal(4, Assert.Single(_store.Batches).Count);
        Assert.Equal(4, _messages.Acknowledged);
        Assert.Equal(2, Assert.Single(_outcomes).Rejected);
    }

    [Fact]
    public void Run_MessageWithOneImplausibleReading_IsDeadLetteredWholeAndTheOthersAreStored()
    {
        var payload = Encoding.UTF8.GetBytes("urbansensing,sensor=sht31 air-temperature=21.5\nurbansensing,sensor=sht31 air-temperature=72.4");
        _source.OnNext(_messages.Message(Topics.Telemetry("fives-01"), payload, "text/plain"));
        Publish(1);
        _scheduler.AdvanceBy(Options.BatchWindow);

        var deadLetter = Assert.Single(_store.DeadLetters);
        Assert.Equal(nameof(RejectionKind.ImplausibleValue), deadLetter.Kind);
        Assert.Equal("reading 1: air-temperature 72.4 Cel is outside the plausible range -50 to 60 Cel", deadLetter.Reason);
        Assert.Equal(2, Assert.Single(_store.Batches).Count);
        Assert.Equal(2, _messages.Acknowledged);
    }

    [Fact]
    public void Run_PackNamingAnotherDevice_IsRejected()
    {
        var message = _messages.Telemetry("fives-01") with { Topic = Topics.Telemetry("lomme-02") };

        _source.OnNext(message);
        _scheduler.AdvanceBy(Options.BatchWindow);

        var deadLetter = Assert.Single(_store.DeadLetters);
        Assert.Equal("lomme-02", deadLetter.DeviceId);
        Assert.Contains("names device 'fives-01' but was published on the topic of device 'lomme-02'", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Empty(_store.Batches);
    }

    [Fact]
    public void Run_StatusMessage_UpdatesTheDeviceDirectory()
    {
        var status = new DeviceStatus(DeviceState.Online, "fives", 50.632, 3.09, "1.0.0");

        _source.OnNext(_messages.Message(Topics.Status("fives-01"), status.ToJson()));
        _scheduler.AdvanceBy(Options.BatchWindow);

        Assert.Equal(status, _store.Statuses["fives-01"]);
        Assert.Equal(1, _messages.Acknowledged);
    }

    [Fact]
    public void Run_SourceCompletes_WritesThePendingBatchAndCompletes()
    {
        Publish(2);

        _source.OnCompleted();

        Assert.Equal(4, Assert.Single(_store.Batches).Count);
        Assert.Equal(2, _messages.Acknowledged);
        Assert.True(_completed);
    }

    [Fact]
    public void Run_StoredAndRejectedMessages_AreCountedInTheMetrics()
    {
        using var stored = new MetricCollector<long>(_meters, IngestionMetrics.MeterName, "urbansensing.ingestion.readings.stored");
        using var rejected = new MetricCollector<long>(_meters, IngestionMetrics.MeterName, "urbansensing.ingestion.messages.rejected");
        using var lag = new MetricCollector<double>(_meters, IngestionMetrics.MeterName, "urbansensing.ingestion.end_to_end.lag");

        Publish(3);
        _source.OnNext(_messages.Message("elsewhere/topic", [1, 2, 3]));
        _scheduler.AdvanceBy(Options.BatchWindow);

        Assert.Equal(6, stored.GetMeasurementSnapshot().EvaluateAsCounter());
        var rejection = Assert.Single(rejected.GetMeasurementSnapshot());
        Assert.Equal(nameof(RejectionKind.UnknownTopic), rejection.Tags["reason"]);
        Assert.Equal(6, lag.GetMeasurementSnapshot().Count);
    }

    public void Dispose()
    {
        _subscription.Dispose();
        _source.Dispose();
        _meters.Dispose();
    }

    private void Publish(int count)
    {
        for (var index = 0; index < count; index++)
        {
            _source.OnNext(_messages.Telemetry());
        }
    }
}
