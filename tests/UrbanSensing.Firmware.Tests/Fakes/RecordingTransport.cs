namespace UrbanSensing.Firmware.Tests.Fakes;

/// <summary>An in-memory transport that acknowledges instantly, optionally after failures or behind a connect gate.</summary>
internal sealed class RecordingTransport : IDeviceTransport
{
    private readonly Lock _gate = new();
    private readonly List<(byte[] Payload, string ContentType)> _delivered = [];
    private int _failuresLeft;

    /// <summary>Publish attempts that throw before the first one succeeds.</summary>
    public int FailFirstPublishes
    {
        init => _failuresLeft = value;
    }

    /// <summary>Every publish fails.</summary>
    public bool AlwaysFail { get; init; }

    /// <summary>When set, connecting waits for this task.</summary>
    public Task? ConnectGate { get; init; }

    public int PublishAttempts { get; private set; }

    public int Connects { get; private set; }

    public int Disconnects { get; private set; }

    public IReadOnlyList<(byte[] Payload, string ContentType)> Delivered
    {
        get
        {
            lock (_gate)
            {
                return [.. _delivered];
            }
        }
    }

    public Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        Connects++;
        return ConnectGate?.WaitAsync(cancellationToken) ?? Task.CompletedTask;
    }

    public Task PublishTelemetryAsync(ReadOnlyMemory<byte> payload, string contentType, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            PublishAttempts++;
            if (AlwaysFail || _failuresLeft-- > 0)
            {
                return Task.FromException(new IOException("broker unreachable"));
            }

            _delivered.Add((payload.ToArray(), contentType));
            return Task.CompletedTask;
        }
    }

    public Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        Disconnects++;
        return Task.CompletedTask;
    }
}
