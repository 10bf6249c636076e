using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Ingestion.Mqtt;

public sealed class MqttIngestionOptions
{
    public const string SectionName = "Ingestion:Mqtt";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Stable across restarts, so the broker keeps this subscriber's session and its unacknowledged messages.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9_.-]{1,64}$", ErrorMessage = "ClientId uses 1 to 64 letters, digits, '-', '_' or '.'")]
    public string ClientId { get; set; } = "urbansensing-ingestion";

    /// <summary>How long the broker keeps the session (and queues messages) while ingestion is away.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "49710.00:00:00")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First wait before reconnecting after a lost connection; doubles up to <see cref="ReconnectMaxDelay"/>, and never gives up.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
