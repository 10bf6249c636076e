using System.Text;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Protocol.Tests.Senml;

public sealed class SenmlJsonTests
{
    [Theory]
    [InlineData(Rfc8428Examples.SingleDataPoint, 1)]
    [InlineData(Rfc8428Examples.MultipleDataPoints, 2)]
    [InlineData(Rfc8428Examples.MultipleDataPointsWithTime, 7)]
    [InlineData(Rfc8428Examples.MultipleMeasurements, 13)]
    [InlineData(Rfc8428Examples.ResolvedData, 13)]
    [InlineData(Rfc8428Examples.MultipleDataTypes, 4)]
    [InlineData(Rfc8428Examples.CollectionOfResources, 4)]
    [InlineData(Rfc8428Examples.SettingAnActuator, 4)]
    public void Decode_Rfc8428Example_ReadsEveryRecord(string example, int expectedRecords)
    {
        var pack = SenmlJson.Decode(Encoding.UTF8.GetBytes(example));

        Assert.Equal(expectedRecords, pack.Count);
    }

    [Fact]
    public void Decode_MultipleDataPointsWithTime_ReadsBaseFields()
    {
        var pack = SenmlJson.Decode(Encoding.UTF8.GetBytes(Rfc8428Examples.MultipleDataPointsWithTime));

        Assert.Equal("urn:dev:ow:10e2073a0108006:", pack[0].BaseName);
        Assert.Equal(1.276020076001e+09, pack[0].BaseTime);
        Assert.Equal("A", pack[0].BaseUnit);
        Assert.Equal(5, pack[0].BaseVersion);
        Assert.Equal(120.1, pack[0].Value);
        Assert.Equal(-5, pack[1].Time);
        Assert.Null(pack[6].Time);
    }

    [Fact]
    public void Decode_MultipleDataTypes_ReadsEveryValueType()
    {
        var pack = SenmlJson.Decode(Encoding.UTF8.GetBytes(Rfc8428Examples.MultipleDataTypes));

        Assert.Equal(23.1, pack[0].Value);
        Assert.Equal("Machine Room", pack[1].StringValue);
        Assert.False(pack[2].BooleanValue);
        Assert.Equal("hi \n"u8.ToArray(), pack[3].DataValue!.Value.ToArray());
    }

    [Theory]
    [InlineData(Rfc8428Examples.MultipleDataPointsWithTime)]
    [InlineData(Rfc8428Examples.MultipleMeasurements)]
    [InlineData(Rfc8428Examples.CollectionOfResources)]
    [InlineData(Rfc8428Examples.SettingAnActuator)]
    public void Encode_DecodedRfc8428Example_DecodesToTheSameRecords(string example)
    {
        var pack = SenmlJson.Decode(Encoding.UTF8.GetBytes(example));

        var roundTripped = SenmlJson.Decode(SenmlJson.Encode(pack));

        Assert.Equal(pack, roundTripped);
    }

    [Fact]
    public void Encode_DataValue_IsUnpaddedBase64Url()
    {
        var pack = SenmlJson.Decode(Encoding.UTF8.GetBytes(Rfc8428Examples.MultipleDataTypes));

        var json = Encoding.UTF8.GetString(SenmlJson.Encode(pack));

        Assert.Contains("\"vd\":\"aGkgCg\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the payload is empty")]
    [InlineData("{\"n\":\"a\",\"v\":1}", "a SenML pack is a JSON array of records")]
    [InlineData("[1]", "record 0, byte 1: a record is a JSON object")]
    [InlineData("[{\"n\":\"a\",\"v\":\"warm\"}]", "record 0, field 'v', byte 14: expected a number but found a string")]
    [InlineData("[{\"n\":\"a\",\"v\":1},{\"n\":2,\"v\":1}]", "record 1, field 'n', byte 22: expected a string but found the number 2")]
    [InlineData("[{\"n\":\"a\",\"v\":1,\"v\":2}]", "record 0, field 'v', byte 20: the label appears twice in the record")]
    [InlineData("[{\"n\":\"a\",\"v\":1,\"x_\":2}]", "record 0, field 'x_', byte 21: unknown label that must be understood")]
    [InlineData("[{\"n\":\"a\",\"v\":1}", "malformed JSON")]
    [InlineData("[{\"n\":\"a\",\"v\":1}] x", "malformed JSON")]
    [InlineData("[{\"n\":\"a\",\"v\":1e999}]", "record 0, field 'v', byte 14: expected a finite number but found")]
    [InlineData("[{\"n\":\"a\",\"vd\":\"!!\"}]", "field 'vd', byte 15: expected base64url text")]
    [InlineData("[{\"n\":\"a\",\"seq\":-1,\"v\":1}]", "field 'seq', byte 16: the sequence number must be a non-negative integer")]
    public void Decode_MalformedPayload_ThrowsWithWhatAndWhere(string payload, string expectedMessage)
    {
        var exception = Assert.Throws<SenmlFormatException>(() => SenmlJson.Decode(Encoding.UTF8.GetBytes(payload)));

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnknownLabelWithoutUnderscore_IsIgnored()
    {
        var pack = SenmlJson.Decode("[{\"n\":\"a\",\"v\":1,\"colour\":{\"r\":1}}]"u8);

        Assert.Equal(1, Assert.Single(pack).Value);
    }

    [Fact]
    public void Decode_MalformedJson_ThrowsAMalformedPayloadError()
    {
        PayloadFormatException exception = Assert.Throws<SenmlFormatException>(() => SenmlJson.Decode("[{\"n\":"u8));

        Assert.Equal(PayloadErrorKind.Malformed, exception.Kind);
        Assert.StartsWith("malformed JSON", exception.Reason, StringComparison.Ordinal);
    }
}
