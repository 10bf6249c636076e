namespace UrbanSensing.Storage.InfluxDb;

/// <summary>The order of the store's answers: by device, sensor, quantity name (ordinal, as the DuckDB store sorts), then time.</summary>
internal static class ChannelOrder
{
    public static int Compare(in BucketStatistics left, in BucketStatistics right)
    {
        var order = CompareChannels(left.DeviceId, left.Sensor, left.Quantity.Name, right.DeviceId, right.Sensor, right.Quantity.Name);
        return order != 0 ? order : left.Start.CompareTo(right.Start);
    }

    public static int CompareChannels(string leftDevice, string leftSensor, string leftQuantity, string rightDevice, string rightSensor, string rightQuantity)
    {
        var order = string.CompareOrdinal(leftDevice, rightDevice);
        order = order != 0 ? order : string.CompareOrdinal(leftSensor, rightSensor);
        return order != 0 ? order : string.CompareOrdinal(leftQuantity, rightQuantity);
    }
}
