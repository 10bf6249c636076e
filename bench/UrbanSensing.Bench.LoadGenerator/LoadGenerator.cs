using System.Diagnostics;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Bench.LoadGenerator;

/// <summary>
/// Spreads the virtual devices over the connections (device <c>n</c> on connection <c>n mod C</c>), connects them
/// all, then starts them together and publishes until the duration has passed.
/// </summary>
internal sealed class LoadGenerator(LoadOptions options, TimeProvider timeProvider)
{
    /// <summary>How long the end of a run waits for the PUBACKs of what was sent.</summary>
    public static readonly TimeSpan AcknowledgementTimeout = TimeSpan.FromSeconds(10);

    public async Task<LoadSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var devices = Enumerable.Range(1, options.Devices)
            .Select(number => new VirtualDevice(number, options.StartSequence, options.Representation))
            .ToArray();
        var contentType = SenmlPayload.ContentType(options.Representation);
        var payloadBytes = new VirtualDevice(0, options.StartSequence, options.Representation).NextPayload(timeProvider.GetUtcNow()).Length;
        var connections = Enumerable.Range(0, options.Connections)
            .Select(index => new PublisherConnection(
                options.Broker,
                $"bench-load-{Environment.ProcessId}-{index}",
                contentType,
                devices.Where((_, number) => number % options.Connections == index).ToArray(),
                options.MaxInFlightPerConnection,
                timeProvider))
            .ToArray();
        try
        {
            await Task.WhenAll(connections.Select(connection => connection.ConnectAsync(cancellationToken))).ConfigureAwait(false);

            var firstPublish = timeProvider.GetUtcNow();
            var start = Stopwatch.GetTimestamp();
            var perConnectionRate = options.MessagesPerSecond / options.Connections;
            await Task.WhenAll(connections.Select(connection =>
                connection.RunAsync(start, options.Duration, perConnectionRate, AcknowledgementTimeout, cancellationToken))).ConfigureAwait(false);

            var lastAcknowledged = connections.Max(connection => connection.LastAcknowledgedTimestamp);
            var seconds = lastAcknowledged > start ? Stopwatch.GetElapsedTime(start, lastAcknowledged).TotalSeconds : 0;
            await Task.WhenAll(connections.Select(connection => connection.DisconnectAsync())).ConfigureAwait(false);

            var published = connections.Sum(connection => connection.Published);
            var acknowledged = connections.Sum(connection => connection.Acknowledged);
            return new LoadSummary(
                options.Broker.ToString(),
                options.Devices,
                options.Connections,
                options.Representation.ToString().ToLowerInvariant(),
                options.MessagesPerSecond,
                options.MaxInFlightPerConnection,
                options.Duration.TotalSeconds,
                VirtualDevice.ReadingsPerMessage,
                payloadBytes,
                published,
                acknowledged,
                connections.Sum(connection => connection.Failed),
                published * VirtualDevice.ReadingsPerMessage,
                acknowledged * VirtualDevice.ReadingsPerMessage,
                Math.Round(seconds, 3),
                seconds > 0 ? Math.Round(acknowledged / seconds, 1) : 0,
                seconds > 0 ? Math.Round(acknowledged * VirtualDevice.ReadingsPerMessage / seconds, 1) : 0,
                options.StartSequence,
                devices.Sum(device => device.TimestampsAdjusted),
                firstPublish,
                firstPublish + TimeSpan.FromSeconds(seconds),
                Math.Round(Environment.CpuUsage.TotalTime.TotalSeconds, 3),
                connections.Select(connection => connection.LastError).OfType<string>().Distinct().ToArray());
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }
        }
    }
}
