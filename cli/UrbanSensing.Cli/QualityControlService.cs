using UrbanSensing.Analytics.Heat;
using UrbanSensing.Analytics.QualityControl;
using UrbanSensing.Ingestion;

namespace UrbanSensing.Cli;

/// <summary>
/// Runs the quality control over the stored readings and stores its flags: at start over the last days (what the
/// service missed while it was down), then every hour, a few minutes past, over the hour before, and once a day over
/// every day ingestion still accepts readings for (<see cref="ValidationOptions.MaxAge"/>): readings a device sends
/// late, and readings whose flags a redelivery reset (InfluxDB keeps the last write), are checked then. Each pass
/// decides the readings it has full context for (UrbanSensing.Analytics.QualityControl/README.md), so flags settle an
/// hour or two after the readings; a failed pass is logged and the next one goes on.
/// </summary>
internal sealed partial class QualityControlService(
    QualityControlPass pass,
    IngestionOptions ingestionOptions,
    TimeProvider timeProvider,
    ILogger<QualityControlService> logger) : BackgroundService
{
    /// <summary>The UTC hour whose pass also goes back over every day still accepted: a quiet hour in Lille.</summary>
    public const int DailyRecheckHour = 3;

    /// <summary>How far back the pass at start reaches.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromDays(2);

    // Past the hour, so that readings of the hour before have been stored.
    private static readonly TimeSpan PastTheHour = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var hour = HourlySeries.HourStart(timeProvider.GetUtcNow());
        await RunPassAsync(hour - CatchUp, hour, stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = hour + TimeSpan.FromHours(1);
            var wait = next + PastTheHour - timeProvider.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, timeProvider, stoppingToken).ConfigureAwait(false);
            }

            await RunPassAsync(hour, next, stoppingToken).ConfigureAwait(false);
            if (next.UtcDateTime.Hour == DailyRecheckHour)
            {
                await RunPassAsync(next - ingestionOptions.Validation.MaxAge, next, stoppingToken).ConfigureAwait(false);
            }

            hour = next;
        }
    }

    private async Task RunPassAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await pass.RunAsync(from, to, cancellationToken).ConfigureAwait(false);
            var readingsChecked = summary.Series.Sum(series => series.ReadingsChecked);
            var flagsChanged = summary.Series.Sum(series => series.UpdatesMatched) + summary.CrowdQc.Sum(month => month.UpdatesMatched);
            LogPass(from, to, readingsChecked, flagsChanged);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPassFailed(from, to, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Quality control {From:u} to {To:u}: {Checked} readings checked, {Changed} flags changed")]
    private partial void LogPass(DateTimeOffset from, DateTimeOffset to, int @checked, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quality control {From:u} to {To:u} failed; the next pass goes on")]
    private partial void LogPassFailed(DateTimeOffset from, DateTimeOffset to, Exception exception);
}
