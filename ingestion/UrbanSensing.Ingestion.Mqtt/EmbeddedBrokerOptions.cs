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

    /// <summary>Messages queued for one subscriber, at most; past it MQTTnet would drop messages, so publishers are slowed first.</summary>
    [Range(10, 10_000_000)]
    public int MaxPendingMessagesPerClient { get; set; } = 100_000;

    /// <summary>
    /// Fraction of <see cref="MaxPendingMessagesPerClient"/> at which the broker holds back publishers' acknowledgements
    /// until subscribers catch up, so overload slows devices instead of losing their messages.
    /// </summary>
    [Range(0.1, 0.95)]
    public double SlowPublishersAt { get; set; } = 0.8;

    /// <summary>How often the broker measures its subscribers' queues.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan QueueCheckInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}
