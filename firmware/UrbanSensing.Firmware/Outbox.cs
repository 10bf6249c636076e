using System.Threading.Channels;

namespace UrbanSensing.Firmware;

/// <summary>
/// The bounded queue between sampling and publishing. When it is full the oldest message makes room, so a device
/// that cannot reach its broker keeps sampling and keeps its most recent data.
/// </summary>
internal sealed class Outbox
{
    private readonly Channel<OutboxMessage> _channel;

    public Outbox(int capacity, Action<OutboxMessage> dropped)
    {
        var options = new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = true,
        };
        _channel = Channel.CreateBounded(options, (OutboxMessage message) =>
        {
            DroppedMessages++;
            dropped(message);
        });
    }

    /// <summary>Messages dropped so far; only the writer's thread changes it.</summary>
    public long DroppedMessages { get; private set; }

    public ChannelReader<OutboxMessage> Reader => _channel.Reader;

    public void Post(OutboxMessage message) => _channel.Writer.TryWrite(message);

    public void Complete() => _channel.Writer.TryComplete();
}
