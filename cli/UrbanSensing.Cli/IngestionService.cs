using System.Reactive.Concurrency;
using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using Microsoft.Extensions.Options;
using UrbanSensing.Api;
using UrbanSensing.Ingestion;
using UrbanSensing.Ingestion.Mqtt;
using UrbanSensing.Storage;

namespace UrbanSensing.Cli;

/// <summary>
/// Runs the ingestion: MQTT subscriber → inbox → pipeline → store. On stop it first lets the broker hand over
/// everything it holds for ingestion (when the broker is embedded and would lose it), then stops taking
/// messages, stores and acknowledges what is in flight, and disconnects.
/// </summary>
internal sealed partial class IngestionService(
    IOptions<IngestionOptions> ingestionOptions,
    IOptions<MqttIngestionOptions> mqttOptions,
    BatchWriter writer,
    RegistryCalibration calibration,
    IngestionMetrics metrics,
    IngestionStatistics statistics,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory,
    IDeadLetterStore deadLetters,
    ContinuousAnalytics? analytics = null,
    EmbeddedMqttBroker? embeddedBroker = null) : IHostedService, IDeadLetterResubmitter, IAsyncDisposable
{
    /// <summary>Dead letters resubmitted at most in one call when no ids are given.</summary>
    public const int MaxResubmittedAtOnce = 10_000;

    private static readonly TimeSpan DrainPollInterval = TimeSpan.FromMilliseconds(50);

    // Hours still open when ingestion stops would otherwise wait for their lateness deadline; they are dropped instead.
    private static readonly TimeSpan AnalyticsStopGrace = TimeSpan.FromSeconds(10);

    private readonly ILogger<IngestionService> _logger = loggerFactory.CreateLogger<IngestionService>();
    private MessageInbox? _inbox;
    private MqttIngestionClient? _client;
    private Task _pipelineCompleted = Task.CompletedTask;
    private Task _analyticsCompleted = Task.CompletedTask;
    private StoredReadingsFeed? _feed;
    private readonly CancellationTokenSource _analyticsStopping = new();
    private int _disposed;

    public bool IsConnected => _client?.IsConnected ?? false;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = ingestionOptions.Value;
        _inbox = new MessageInbox(options.MaxInFlightMessages);
        var pipeline = new IngestionPipeline(writer, options, calibration, DefaultScheduler.Instance, loggerFactory.CreateLogger<IngestionPipeline>());
        var outcomes = pipeline.Run(_inbox.Messages).Do(statistics.Record);
        if (analytics is not null)
        {
            var feed = _feed = new StoredReadingsFeed();
            _analyticsCompleted = analytics.RunAsync(feed.Readings, DefaultScheduler.Instance, _analyticsStopping.Token)
                .ContinueWith(
                    completed =>
                    {
                        feed.Abandon();
                        if (completed.Exception is { } failure)
                        {
                            LogAnalyticsFailed(failure.GetBaseException());
                        }
                    },
                    CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously,
                    TaskScheduler.Default);
            outcomes = outcomes
                .Select(outcome => Observable.FromAsync(token => feed.PostAsync(outcome.Stored, token)).Select(_ => outcome))
                .Concat();
        }

        _pipelineCompleted = outcomes
            .DefaultIfEmpty()
            .LastAsync()
            .ToTask();
        _client = new MqttIngestionClient(mqttOptions.Value, _inbox, metrics, timeProvider, loggerFactory.CreateLogger<MqttIngestionClient>());
        await _client.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_client is null || _inbox is null)
        {
            return;
        }

        if (embeddedBroker is not null)
        {
            await DrainEmbeddedBrokerAsync(embeddedBroker, _inbox, cancellationToken).ConfigureAwait(false);
        }

        _client.StopAccepting();
        _inbox.Complete();
        await _pipelineCompleted.WaitAsync(cancellationToken).ConfigureAwait(false);
        await StopAnalyticsAsync(cancellationToken).ConfigureAwait(false);
        await _client.StopAsync(cancellationToken).ConfigureAwait(false);
        LogStopped(statistics.Messages, statistics.ReadingsStored, statistics.Rejected);
    }

    public async Task<int> ResubmitAsync(IReadOnlyCollection<long>? ids, CancellationToken cancellationToken = default)
    {
        var inbox = _inbox ?? throw new InvalidOperationException("ingestion is not running");
        var selected = ids is null
            ? await deadLetters.ListAsync(MaxResubmittedAtOnce, cancellationToken).Reverse().ToListAsync(cancellationToken).ConfigureAwait(false)
            : await deadLetters.GetAsync(ids, cancellationToken).ConfigureAwait(false);
        foreach (var deadLetter in selected)
        {
            var id = deadLetter.Id;
            await inbox.PostAsync(
                new InboundMessage(
                    deadLetter.Topic,
                    deadLetter.Payload,
                    deadLetter.ContentType,
                    timeProvider.GetUtcNow(),
                    token => deadLetters.DeleteAsync(id, token)),
                cancellationToken).ConfigureAwait(false);
        }

        return selected.Count;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _analyticsStopping.CancelAsync().ConfigureAwait(false);
        _analyticsStopping.Dispose();
        if (_client is not null)
        {
            await _client.DisposeAsync().ConfigureAwait(false);
        }

        _inbox?.Dispose();
    }

    /// <summary>Lets the analytics store what the last readings completed, then stops them.</summary>
    private async Task StopAnalyticsAsync(CancellationToken cancellationToken)
    {
        _feed?.Complete();
        try
        {
            await _analyticsCompleted.WaitAsync(AnalyticsStopGrace, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _analyticsStopping.CancelAsync().ConfigureAwait(false);
            await _analyticsCompleted.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Waits until the broker holds nothing for ingestion and nothing is in flight, twice in a row.</summary>
    private async Task DrainEmbeddedBrokerAsync(EmbeddedMqttBroker broker, MessageInbox inbox, CancellationToken cancellationToken)
    {
        var quietPolls = 0;
        while (quietPolls < 2)
        {
            var pending = await broker.PendingMessagesAsync(MqttIngestionClient.ConnectionClientIds(mqttOptions.Value), cancellationToken).ConfigureAwait(false);
            quietPolls = pending == 0 && inbox.InFlight == 0 ? quietPolls + 1 : 0;
            await Task.Delay(DrainPollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The continuous analytics stopped; ingestion goes on without them")]
    private partial void LogAnalyticsFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion stopped: {Messages} messages, {Readings} readings stored, {Rejected} dead letters")]
    private partial void LogStopped(long messages, long readings, long rejected);
}
