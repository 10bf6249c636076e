using UrbanSensing.Analytics.Comfort;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming;

/// <summary>
/// The state of one subscription to <see cref="ComfortSeries"/>: per device, the hours of the pairing window with
/// whichever means have come. An hour stays after it is derived, so that a second mean of it is not derived again,
/// until the window moves past it.
/// </summary>
internal sealed class DeviceHourPairs(TimeSpan pairingWindow)
{
    private readonly Dictionary<string, DeviceHours> _devices = new(StringComparer.Ordinal);

    public IReadOnlyList<Reading> Add(ChannelHour hour)
    {
        var isTemperature = hour.Quantity == Quantities.AirTemperature;
        if (!isTemperature && hour.Quantity != Quantities.RelativeHumidity)
        {
            return [];
        }

        if (!_devices.TryGetValue(hour.DeviceId, out var device))
        {
            device = new DeviceHours();
            _devices.Add(hour.DeviceId, device);
        }

        if (hour.Hour > device.Newest)
        {
            device.Newest = hour.Hour;
            var oldest = device.Newest - pairingWindow;
            foreach (var expired in device.Hours.Keys.Where(start => start <= oldest).ToList())
            {
                device.Hours.Remove(expired);
            }
        }
        else if (hour.Hour <= device.Newest - pairingWindow)
        {
            return [];
        }

        if (!device.Hours.TryGetValue(hour.Hour, out var pair))
        {
            pair = new Pair();
            device.Hours.Add(hour.Hour, pair);
        }

        if (pair.Derived)
        {
            return [];
        }

        if (isTemperature)
        {
            pair.Temperature ??= hour.Mean;
        }
        else
        {
            pair.Humidity ??= hour.Mean;
        }

        if (pair is not { Temperature: { } temperature, Humidity: { } humidity })
        {
            return [];
        }

        pair.Derived = true;
        return Derive(hour.DeviceId, hour.Hour, temperature, humidity);
    }

    private static List<Reading> Derive(string deviceId, DateTimeOffset hour, double temperature, double humidity)
    {
        var derived = new List<Reading>(3);

        // The domains of UrbanSensing.Analytics.Comfort (its README): Bolton's dew point, and the humidex computed
        // from it, take the logarithm of the vapour pressure, so perfectly dry air has neither; the heat index is
        // defined from 0 %. Ingestion keeps humidity within 0–100 % and temperature finite.
        var humid = humidity is > 0 and <= 100;
        if (humid)
        {
            Add(derived, deviceId, Quantities.DewPoint, hour, Psychrometrics.DewPoint(temperature, humidity).Value);
        }

        if (humidity is >= 0 and <= 100)
        {
            Add(derived, deviceId, Quantities.HeatIndex, hour, HeatIndex.Calculate(temperature, humidity).Value);
        }

        if (humid)
        {
            Add(derived, deviceId, Quantities.Humidex, hour, Humidex.FromRelativeHumidity(temperature, humidity).Value);
        }

        return derived;
    }

    // A value outside the quantity's plausible range (Rothfusz's regression far beyond Steadman's data, the dew point of
    // air at −50 °C and 1 %) would be stored as a reading no sensor could give; it is left out.
    private static void Add(List<Reading> derived, string deviceId, Quantity quantity, DateTimeOffset hour, double value)
    {
        if (quantity.IsPlausible(value))
        {
            derived.Add(new Reading(deviceId, ComfortSeries.DerivedSensor, quantity, hour, value, Sequence: null));
        }
    }

    private sealed class DeviceHours
    {
        public DateTimeOffset Newest { get; set; } = DateTimeOffset.MinValue;

        public Dictionary<DateTimeOffset, Pair> Hours { get; } = [];
    }

    private sealed class Pair
    {
        public double? Temperature { get; set; }

        public double? Humidity { get; set; }

        public bool Derived { get; set; }
    }
}
