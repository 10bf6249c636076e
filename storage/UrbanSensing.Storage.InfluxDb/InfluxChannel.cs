using System.Text;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>One channel as InfluxDB holds it: its measurement and its device, sensor and quantity tags.</summary>
internal sealed record InfluxChannel(string Measurement, string DeviceId, string Sensor, string QuantityName)
{
    /// <summary>By device, sensor, then quantity name, ordinal: the order of the store's answers (<see cref="ChannelOrder"/>).</summary>
    public static int Compare(InfluxChannel? left, InfluxChannel? right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var order = ChannelOrder.CompareChannels(left.DeviceId, left.Sensor, left.QuantityName, right.DeviceId, right.Sensor, right.QuantityName);
        return order != 0 ? order : string.CompareOrdinal(left.Measurement, right.Measurement);
    }

    /// <summary>
    /// The channel of a series key as <c>SHOW SERIES</c> lists it (<c>air,device=lille-0001,quantity=…,sensor=sht31</c>,
    /// with <c>\</c> escaping commas, equals signs and spaces); null when the key lacks one of the three tags.
    /// </summary>
    public static InfluxChannel? FromSeriesKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var parts = SplitUnescaped(key, ',');
        string? device = null, sensor = null, quantity = null;
        foreach (var tag in parts.Skip(1))
        {
            var pair = SplitUnescaped(tag, '=', 2);
            if (pair.Count != 2)
            {
                continue;
            }

            switch (Unescape(pair[0]))
            {
                case "device":
                    device = Unescape(pair[1]);
                    break;
                case "sensor":
                    sensor = Unescape(pair[1]);
                    break;
                case "quantity":
                    quantity = Unescape(pair[1]);
                    break;
            }
        }

        return device is null || sensor is null || quantity is null ? null : new InfluxChannel(Unescape(parts[0]), device, sensor, quantity);
    }

    private static List<string> SplitUnescaped(string text, char separator, int maxParts = int.MaxValue)
    {
        var parts = new List<string>();
        var start = 0;
        for (var index = 0; index < text.Length && parts.Count < maxParts - 1; index++)
        {
            if (text[index] == '\\')
            {
                index++;
            }
            else if (text[index] == separator)
            {
                parts.Add(text[start..index]);
                start = index + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    private static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var plain = new StringBuilder(text.Length);
        for (var index = 0; index < text.Length; index++)
        {
            if (text[index] == '\\' && index + 1 < text.Length && text[index + 1] is ',' or '=' or ' ')
            {
                index++;
            }

            plain.Append(text[index]);
        }

        return plain.ToString();
    }
}
