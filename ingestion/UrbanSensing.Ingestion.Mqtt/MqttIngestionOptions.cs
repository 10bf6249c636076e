using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Ingestion.Mqtt;

public sealed class MqttIngestionOptions : IValidatableObject
{
    public const string SectionName = "Ingestion:Mqtt";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>
    /// This ingestion instance's id, stable across restarts; connection <c>i</c> uses <c>{ClientId}-{i}</c>, so the broker
    /// keeps each connection's session and its unacknowledged messages. Give every instance its own.
    /// </summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,60}$", ErrorMessage = "ClientId uses 1 to 60 letters, digits, '-', '_' or '.'")]
    public string ClientId { get; set; } = "urbansensing-ingestion";

    /// <summary>MQTT connections this instance opens; more than one needs a shared subscription group.</summary>
    [Range(1, 64)]
    public int Connections { get; set; } = 1;

    /// <summary>
    /// Subscribe as <c>$share/{group}/...</c> (MQTT 5 shared subscription) so the broker spreads messages over every
    /// connection of every instance in the group. Needs a broker that supports it (Mosquitto, EMQX, HiveMQ, VerneMQ);
    /// MQTTnet's embedded broker does not.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "SharedSubscriptionGroup uses 1 to 64 letters, digits, '-', '_' or '.'")]
    public string? SharedSubscriptionGroup { get; set; }

    /// <summary>How long the broker keeps the session (and queues messages) while ingestion is away.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "49710.00:00:00")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// MQTT 5 Receive Maximum: unacknowledged messages the broker may send this connection. It bounds what MQTTnet
    /// buffers while the inbox is full; keep it near <c>Ingestion:MaxInFlightMessages</c> divided by <see cref="Connections"/>.
    /// </summary>
    [Range(1, 65535)]
    public ushort ReceiveMaximum { get; set; } = 8_000;

    /// <summary>Socket send and receive buffers of each connection; large, so a backlog at the broker streams in.</summary>
    [Range(8 * 1024, 64 * 1024 * 1024)]
    public int SocketBufferBytes { get; set; } = 4 * 1024 * 1024;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before reconnecting after a lost connection; doubles up to <see cref="ReconnectMaxDelay"/>, and never gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Connections > 1 && SharedSubscriptionGroup is null)
        {
            yield return new ValidationResult(
                "Connections above 1 need a SharedSubscriptionGroup: without one every connection would receive every message",
                [nameof(Connections), nameof(SharedSubscriptionGroup)]);
        }
    }
}
