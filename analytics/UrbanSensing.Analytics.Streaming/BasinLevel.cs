using System.Globalization;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>One basin's state in one subscription to <see cref="BasinWatch"/>: where its fill stands and the device time of its newest reading.</summary>
internal sealed class BasinLevel(WatchedBasin basin, double hysteresis)
{
    private State _state = State.Normal;
    private DateTimeOffset _newest = DateTimeOffset.MinValue;

    private enum State
    {
        Normal,
        NearOverflow,
        Overflowing,
    }

    public WatchedBasin Basin { get; } = basin;

    /// <summary>The event the reading raises, if it moves the basin to another state.</summary>
    public AnalyticsEvent? Add(Reading reading)
    {
        if (reading.Timestamp <= _newest)
        {
            return null;
        }

        _newest = reading.Timestamp;
        var storage = Basin.Storage;
        var level = reading.Value;
        var fill = storage.Assess(level).FractionOfCapacity;
        var next = _state switch
        {
            _ when level >= storage.OverflowLevelM => State.Overflowing,
            _ when fill < storage.WarningFraction - hysteresis => State.Normal,
            State.Normal => fill >= storage.WarningFraction ? State.NearOverflow : State.Normal,
            State.Overflowing => fill < 1 - hysteresis ? State.NearOverflow : State.Overflowing,
            _ => _state,
        };
        if (next == _state)
        {
            return null;
        }

        var previous = _state;
        _state = next;
        return new AnalyticsEvent(reading.Timestamp, Kind(next), Basin.Id, Message(previous, next, level, fill), fill);
    }

    private static string Kind(State state) => state switch
    {
        State.Overflowing => AnalyticsEventKinds.BasinOverflowing,
        State.NearOverflow => AnalyticsEventKinds.BasinNearOverflow,
        _ => AnalyticsEventKinds.BasinBackToNormal,
    };

    private string Message(State previous, State next, double level, double fill)
    {
        var storage = Basin.Storage;
        var volume = fill * storage.CapacityM3;
        FormattableString message = (previous, next) switch
        {
            (_, State.Overflowing) =>
                $"Basin {Basin.Id} is overflowing: the water is at {level:0.00} m, at or above its overflow level of {storage.OverflowLevelM:0.00} m, with its full {storage.CapacityM3:0} m³ stored.",
            (State.Overflowing, State.NearOverflow) =>
                $"Basin {Basin.Id} has stopped overflowing but is still {fill * 100:0} % full ({volume:0} m³ of {storage.CapacityM3:0} m³, water at {level:0.00} m), above its warning fill of {storage.WarningFraction * 100:0} %.",
            (_, State.NearOverflow) =>
                $"Basin {Basin.Id} is {fill * 100:0} % full ({volume:0} m³ of {storage.CapacityM3:0} m³, water at {level:0.00} m), at or above its warning fill of {storage.WarningFraction * 100:0} %; it overflows at {storage.OverflowLevelM:0.00} m.",
            _ =>
                $"Basin {Basin.Id} is back to normal: {fill * 100:0} % full ({volume:0} m³ of {storage.CapacityM3:0} m³, water at {level:0.00} m), below its warning fill of {storage.WarningFraction * 100:0} % by more than {hysteresis * 100:0} points.",
        };
        return message.ToString(CultureInfo.InvariantCulture);
    }
}
