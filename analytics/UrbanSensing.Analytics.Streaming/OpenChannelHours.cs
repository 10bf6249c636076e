using System.Reactive.Concurrency;
using UrbanSensing.Analytics.Heat;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>
/// The state of one subscription to <see cref="HourlyMeans"/>: per channel, its newest hour and, while that hour is
/// open, its sum, count and deadline timer. One entry per channel that ever had a counted reading, so memory follows
/// the registry (ingestion flags the readings of unknown devices, which do not count), not the time the stream runs.
/// Readings and deadlines come from different threads; one lock keeps them, and the observer's calls, in order.
/// </summary>
internal sealed class OpenChannelHours(IObserver<ChannelHour> observer, TimeSpan lateness, IScheduler scheduler, Action onLateReading) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string DeviceId, string Sensor, string Quantity), Channel> _channels = [];
    private int _open;
    private bool _sourceCompleted;
    private bool _stopped;

    public void Add(Reading reading)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            var key = (reading.DeviceId, reading.Sensor, reading.Quantity.Name);
            if (!_channels.TryGetValue(key, out var channel))
            {
                channel = new Channel(reading.DeviceId, reading.Sensor, reading.Quantity);
                _channels.Add(key, channel);
            }

            var hour = HourlySeries.HourStart(reading.Timestamp);
            if (hour < channel.NewestHour || (hour == channel.NewestHour && !channel.IsOpen))
            {
                onLateReading();
                return;
            }

            if (hour > channel.NewestHour)
            {
                if (channel.IsOpen)
                {
                    Emit(channel);
                }

                Open(channel, hour);
            }

            channel.Sum += reading.Value;
            channel.Count++;
        }
    }

    public void Complete()
    {
        lock (_gate)
        {
            _sourceCompleted = true;
            CompleteWhenNothingIsOpen();
        }
    }

    public void Fail(Exception error)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            Stop();
            observer.OnError(error);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Stop();
        }
    }

    private void Open(Channel channel, DateTimeOffset hour)
    {
        channel.NewestHour = hour;
        channel.IsOpen = true;
        _open++;
        channel.Sum = 0;
        channel.Count = 0;
        var end = hour.AddHours(1);
        var now = scheduler.Now;
        channel.Deadline = scheduler.Schedule((end > now ? end : now) + lateness, () => OnDeadline(channel, hour));
    }

    private void OnDeadline(Channel channel, DateTimeOffset hour)
    {
        lock (_gate)
        {
            if (!_stopped && channel.IsOpen && channel.NewestHour == hour)
            {
                Emit(channel);
                CompleteWhenNothingIsOpen();
            }
        }
    }

    private void Emit(Channel channel)
    {
        channel.IsOpen = false;
        _open--;
        channel.Deadline?.Dispose();
        channel.Deadline = null;
        observer.OnNext(new ChannelHour(channel.DeviceId, channel.Sensor, channel.Quantity, channel.NewestHour, channel.Sum / channel.Count, channel.Count));
    }

    private void CompleteWhenNothingIsOpen()
    {
        if (!_stopped && _sourceCompleted && _open == 0)
        {
            Stop();
            observer.OnCompleted();
        }
    }

    private void Stop()
    {
        _stopped = true;
        foreach (var channel in _channels.Values)
        {
            channel.Deadline?.Dispose();
            channel.Deadline = null;
        }
    }

    private sealed class Channel(string deviceId, string sensor, Quantity quantity)
    {
        public string DeviceId { get; } = deviceId;

        public string Sensor { get; } = sensor;

        public Quantity Quantity { get; } = quantity;

        public DateTimeOffset NewestHour { get; set; } = DateTimeOffset.MinValue;

        public bool IsOpen { get; set; }

        public double Sum { get; set; }

        public int Count { get; set; }

        public IDisposable? Deadline { get; set; }
    }
}
