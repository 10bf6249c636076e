using System.Text;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Protocol.Tests.Senml;

public sealed class SenmlResolverTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_750_000_000);

    [Fact]
    public void Resolve_MultipleMeasurements_EqualsTheRfcResolvedData()
    {
        var pack = Decode(Rfc8428Examples.MultipleMeasurements);
        var expected = Decode(Rfc8428Examples.ResolvedData);

        var resolved = SenmlResolver.Resolve(pack, Now);

        Assert.Equal(
            expected.Select(record => (record.Name!, record.Unit, record.Time!.Value, record.Value)),
            resolved.Select(record => (record.Name, record.Unit, record.Time, record.Value)));
    }

    [Fact]
    public void Resolve_MultipleDataPointsWithTime_AppliesBaseTimeAndBaseUnit()
    {
        var resolved = SenmlResolver.Resolve(Decode(Rfc8428Examples.MultipleDataPointsWithTime), Now);

        Assert.Equal(7, resolved.Count);
        Assert.All(resolved, record => Assert.StartsWith("urn:dev:ow:10e2073a0108006:", record.Name, StringComparison.Ordinal));
        var voltage = Assert.Single(resolved, record => record.Name.EndsWith(":voltage", StringComparison.Ordinal));
        Assert.Equal("V", voltage.Unit);
        Assert.Equal(1.276020076001e+09, voltage.Time);
        var currents = resolved.Where(record => record.Name.EndsWith(":current", StringComparison.Ordinal)).ToList();
        Assert.All(currents, record => Assert.Equal("A", record.Unit));
        Assert.Equal(1.276020071001e+09, currents[0].Time, 6);
        Assert.Equal(1.2, currents[0].Value);
    }

    [Fact]
    public void Resolve_CollectionOfResources_KeepsBaseTimeAcrossANewBaseName()
    {
        var resolved = SenmlResolver.ResolveInPackOrder(Decode(Rfc8428Examples.CollectionOfResources), Now);

        Assert.Equal(
            ["2001:db8::2/temperature", "2001:db8::2/humidity", "2001:db8::1/temperature", "2001:db8::1/humidity"],
            resolved.Select(entry => entry.Record.Name));
        Assert.All(resolved, entry => Assert.Equal(1.320078429e+09, entry.Record.Time));
    }

    [Fact]
    public void Resolve_SingleDataPointWithoutTime_IsTimedNow()
    {
        var record = Assert.Single(SenmlResolver.Resolve(Decode(Rfc8428Examples.SingleDataPoint), Now));

        Assert.Equal("urn:dev:ow:10e2073a01080063", record.Name);
        Assert.Equal(Now.ToUnixTimeSeconds(), record.Time);
    }

    [Fact]
    public void Resolve_SettingAnActuator_SkipsTheBaseOnlyRecord()
    {
        var resolved = SenmlResolver.ResolveInPackOrder(Decode(Rfc8428Examples.SettingAnActuator), Now);

        Assert.Equal([1, 2, 3], resolved.Select(entry => entry.Index));
        Assert.Equal("urn:dev:ow:10e2073a01080063:fan", resolved[2].Record.Name);
        Assert.Equal(0, resolved[2].Record.Value);
    }

    [Theory]
    [InlineData("[{\"v\":1}]", "record 0, field 'n': the record has no name")]
    [InlineData("[{\"n\":\"-a\",\"v\":1}]", "must start with a letter or a digit")]
    [InlineData("[{\"n\":\"a b\",\"v\":1}]", "contains ' '")]
    [InlineData("[{\"n\":\"a\",\"v\":1,\"vs\":\"x\"}]", "at most one of 'v', 'vs', 'vb' and 'vd'")]
    [InlineData("[{\"n\":\"a\",\"u\":\"Cel\"}]", "neither a value")]
    [InlineData("[{\"bver\":11,\"n\":\"a\",\"v\":1}]", "SenML version 11 is newer than version 10")]
    public void Resolve_InvalidPack_ThrowsNamingTheRecord(string json, string expectedMessage)
    {
        var exception = Assert.Throws<SenmlFormatException>(() => SenmlResolver.Resolve(Decode(json), Now));

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<SenmlRecord> Decode(string json) => SenmlJson.Decode(Encoding.UTF8.GetBytes(json));
}
