using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace UrbanSensing.Firmware.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells the test when the code under test arms a one-shot timer
/// (<c>Task.Delay</c>, <c>WaitAsync</c> with a timeout), so the test advances time only once something waits for it.
/// </summary>
internal sealed class SteppedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<DateTimeOffset> _armed = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _oneShotDelays = [];

    /// <summary>The delays of the one-shot timers armed so far, in the order they were armed.</summary>
    public IReadOnlyList<TimeSpan> OneShotDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _oneShotDelays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _oneShotDelays.Add(dueTime);
            }

            _armed.Writer.TryWrite(GetUtcNow() + dueTime);
        }

        return timer;
    }

    /// <summary>
    /// Until <paramref name="run"/> completes: waits for a one-shot timer to be armed, then moves the clock to the
    /// earliest armed due time. Time never moves while nothing waits for it.
    /// </summary>
    public async Task AdvanceThroughTimersAsync(Task run, CancellationToken cancellationToken)
    {
        var pending = new PriorityQueue<DateTimeOffset, DateTimeOffset>();
        while (!run.IsCompleted)
        {
            while (_armed.Reader.TryRead(out var armed))
            {
                pending.Enqueue(armed, armed);
            }

            while (pending.TryPeek(out var due, out _) && due <= GetUtcNow())
            {
                pending.Dequeue();
            }

            if (pending.TryDequeue(out var earliest, out _))
            {
                Advance(earliest - GetUtcNow());
            }
            else
            {
                await Task.WhenAny(_armed.Reader.WaitToReadAsync(cancellationToken).AsTask(), run);
            }
        }
    }

    /// <summary>Advances one sampling interval after each read of <paramref name="sensor"/>, until <paramref name="run"/> completes.</summary>
    public async Task AdvanceRoundByRoundAsync(Task run, ScriptedSensor sensor, TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await Task.WhenAny(sensor.Reads.WaitAsync(cancellationToken), run) == run)
            {
                return;
            }

            Advance(interval);
        }
    }
}
