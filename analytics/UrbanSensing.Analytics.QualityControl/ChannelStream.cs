using System.Runtime.CompilerServices;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.QualityControl;

internal static class ChannelStream
{
    /// <summary>
    /// The readings of one quantity, as the store returns them (ordered by device, sensor and time), one channel at a
    /// time: only the channel being handed out is held.
    /// </summary>
    public static async IAsyncEnumerable<List<Reading>> ByChannelAsync(
        IAsyncEnumerable<Reading> readings, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<Reading> channel = [];
        await foreach (var reading in readings.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (channel.Count > 0 && (channel[0].DeviceId != reading.DeviceId || channel[0].Sensor != reading.Sensor))
            {
                yield return channel;
                channel = [];
            }

            channel.Add(reading);
        }

        if (channel.Count > 0)
        {
            yield return channel;
        }
    }
}
