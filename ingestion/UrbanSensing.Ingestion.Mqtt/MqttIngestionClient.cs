using Microsoft.Extensions.Logging;

namespace UrbanSensing.Ingestion.Mqtt;

/// <summary>
/// The ingestion's MQTT side: <see cref="MqttIngestionOptions.Connections"/> connections, each with the stable client
/// id <c>{ClientId}-{index}</c> (two connections sharing an id would knock each other off the broker), all posting
/// into one <see cref="MessageInbox"/>. With a shared subscription group, the broker spreads messages over every
/// connection of every ingestion instance in the group.
/// </summary>
public sealed class MqttIngestionClient : IAsyncDisposable
{
    private readonly MqttIngestionConnection[] _connections;

    public MqttIngestionClient(MqttIngestionOptions options, MessageInbox inbox, IngestionMetrics metrics, TimeProvider timeProvider, ILogger<MqttIngestionClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _connections = [.. ConnectionClientIds(options).Select(clientId => new MqttIngestionConnection(clientId, options, inbox, metrics, timeProvider, logger))];
    }

    /// <summary>True when every connection is up.</summary>
    public bool IsConnected => _connections.All(connection => connection.IsConnected);

    /// <summary>The client ids the connections use, as the broker sees them.</summary>
    public static IReadOnlyList<string> ConnectionClientIds(MqttIngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. Enumerable.Range(1, options.Connections).Select(index => $"{options.ClientId}-{index}")];
    }

    public Task StartAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(_connections.Select(connection => connection.StartAsync(cancellationToken)));

    /// <summary>Stops taking new messages; they stay unacknowledged at the broker for the next start.</summary>
    public void StopAccepting()
    {
        foreach (var connection in _connections)
        {
            connection.StopAccepting();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(_connections.Select(connection => connection.StopAsync(cancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
