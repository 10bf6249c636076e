using System.ComponentModel.DataAnnotations;

namespace UrbanSensing.Ingestion.Mqtt;

public sealed class EmbeddedBrokerOptions
{
    public const string SectionName = "Broker";

    /// <summary>Run the in-process broker; off when devices and ingestion use an external broker.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 65535)]
    public int Port { get; set; } = 1883;

    /// <summary>Loopback by default: the embedded broker is for a laptop, not for the network.</summary>
    [Required]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>
    /// QoS 1 messages queued for one subscriber before the broker refuses more. Large, because the embedded broker
    /// would otherwise drop the oldest queued messages of a subscriber that falls behind.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 1_000_000;
}
