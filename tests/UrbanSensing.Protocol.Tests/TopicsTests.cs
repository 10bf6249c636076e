namespace UrbanSensing.Protocol.Tests;

public sealed class TopicsTests
{
    [Fact]
    public void Telemetry_DeviceId_BuildsTheDeviceTopic()
    {
        Assert.Equal("urbansensing/v1/devices/fives-07/telemetry", Topics.Telemetry("fives-07"));
        Assert.Equal("urbansensing/v1/devices/fives-07/status", Topics.Status("fives-07"));
        Assert.Equal("urbansensing/v1/devices/fives-07/config", Topics.Configuration("fives-07"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("-lead")]
    public void Telemetry_InvalidDeviceId_Throws(string deviceId)
    {
        Assert.Throws<ArgumentException>(() => Topics.Telemetry(deviceId));
    }

    [Fact]
    public void TryParse_DeviceTopic_ReturnsDeviceAndLeaf()
    {
        Assert.True(Topics.TryParse("urbansensing/v1/devices/bois-blancs-2/telemetry", out var deviceId, out var leaf));
        Assert.Equal("bois-blancs-2", deviceId);
        Assert.Equal("telemetry", leaf);
    }

    [Theory]
    [InlineData("urbansensing/v1/devices/d1/other")]
    [InlineData("urbansensing/v1/devices/d1/telemetry/extra")]
    [InlineData("urbansensing/v1/devices//telemetry")]
    [InlineData("other/v1/devices/d1/telemetry")]
    [InlineData("urbansensing/v1/devices/d 1/telemetry")]
    public void TryParse_TopicOutsideTheScheme_ReturnsFalse(string topic)
    {
        Assert.False(Topics.TryParse(topic, out _, out _));
    }

    [Fact]
    public void DeviceStatus_RoundTripsThroughJson()
    {
        var status = new DeviceStatus(DeviceState.Offline, "parc-citadelle", 50.6405, 3.0445, "0.1.0");

        var json = status.ToJson();

        Assert.Contains("\"state\":\"offline\"", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        Assert.Equal(status, DeviceStatus.FromJson(json));
    }
}
