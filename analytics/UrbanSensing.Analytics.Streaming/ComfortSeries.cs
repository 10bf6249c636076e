using System.Reactive.Linq;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>
/// Hourly air temperature and relative humidity of a device → its derived dew point, heat index and humidex for that
/// hour, as readings of sensor <see cref="DerivedSensor"/> stamped at the hour's start, for the store. The two means
/// arrive separately, in either order and possibly from different sensors of the device; the first of each quantity
/// for a device-hour is used and the hour is derived once. A quantity whose formula is not defined at the hour's
/// values, or whose value would fall outside its plausible range, is left out rather than invented.
/// </summary>
public sealed class ComfortSeries
{
    /// <summary>The sensor name derived readings carry; with the quantity and hour it keys them in the store.</summary>
    public const string DerivedSensor = "derived";

    /// <summary>
    /// 3 hours: both means of an hour normally close within seconds of each other (one message carries both
    /// quantities), and at most an hour apart when one channel is closed by its lateness timer.
    /// </summary>
    public const int DefaultPairingHours = 3;

    private readonly int _pairingHours;

    /// <param name="pairingHours">
    /// How long a mean waits for its partner: until the device has a mean of an hour this many hours later. It bounds
    /// the memory to that many hours per device.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pairingHours"/> is not from 1 to 168.</exception>
    public ComfortSeries(int pairingHours = DefaultPairingHours)
    {
        if (pairingHours is < 1 or > 168)
        {
            throw new ArgumentOutOfRangeException(nameof(pairingHours), pairingHours, "pairingHours must be from 1 to 168 (a week).");
        }

        _pairingHours = pairingHours;
    }

    /// <summary>
    /// Up to three derived readings (dew point, heat index, humidex, in that order) per device-hour that has both
    /// means; hours of other quantities are ignored. Completes and fails with <paramref name="hours"/>.
    /// </summary>
    public IObservable<Reading> Run(IObservable<ChannelHour> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return Observable.Defer(() =>
        {
            var pairs = new DeviceHourPairs(TimeSpan.FromHours(_pairingHours));
            return hours.SelectMany(pairs.Add);
        });
    }
}
