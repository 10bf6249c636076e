using System.Text;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Protocol.Tests.Senml;

public sealed class SenmlCborTests
{
    private static readonly byte[] Rfc8428CborExample = Convert.FromHexString(Rfc8428Examples.MultipleDataPointsWithTimeCborHex);

    [Fact]
    public void Decode_Rfc8428Section6Example_MatchesTheJsonExample()
    {
        var fromCbor = SenmlCbor.Decode(Rfc8428CborExample);
        var fromJson = SenmlJson.Decode(Encoding.UTF8.GetBytes(Rfc8428Examples.MultipleDataPointsWithTime));

        // The CBOR dump spells out the last record's time as 0 where the JSON leaves it out.
        Assert.Equal(fromJson.Take(6), fromCbor.Take(6));
        Assert.Equal(fromJson[6] with { Time = 0 }, fromCbor[6]);
    }

    [Fact]
    public void Encode_Rfc8428Section6Example_ReproducesTheRfcBytes()
    {
        var pack = SenmlCbor.Decode(Rfc8428CborExample);

        var encoded = SenmlCbor.Encode(pack);

        Assert.Equal(Rfc8428Examples.MultipleDataPointsWithTimeCborHex, Convert.ToHexStringLower(encoded));
    }

    [Theory]
    [InlineData(Rfc8428Examples.MultipleMeasurements)]
    [InlineData(Rfc8428Examples.MultipleDataTypes)]
    [InlineData(Rfc8428Examples.CollectionOfResources)]
    public void Encode_Rfc8428JsonExample_ResolvesLikeTheJson(string example)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var fromJson = SenmlJson.Decode(Encoding.UTF8.GetBytes(example));

        var fromCbor = SenmlCbor.Decode(SenmlCbor.Encode(fromJson));

        Assert.Equal(
            SenmlResolver.Resolve(fromJson, now).Select(Describe),
            SenmlResolver.Resolve(fromCbor, now).Select(Describe));
    }

    [Fact]
    public void Encode_ShortestExactNumbers_KeepsEveryDoubleExactly()
    {
        double[] values = [0, -7, 1.5, 0.1, 1e300, -2.5e-300, 65504, 3.4028234663852886e+38, 1_720_000_000.123456];
        var pack = values.Select(value => new SenmlRecord { Name = "x", Value = value }).ToList();

        var decoded = SenmlCbor.Decode(SenmlCbor.Encode(pack));

        Assert.Equal(values, decoded.Select(record => record.Value!.Value));
    }

    [Theory]
    [InlineData("", "the payload is empty")]
    [InlineData("a10002", "a SenML pack is a CBOR array of maps")]
    [InlineData("8101", "record 0, byte 1: a record is a CBOR map")]
    [InlineData("81a2006161181802", "record 0, byte 5: unknown integer label 24")]
    [InlineData("81a200616102", "malformed CBOR")]
    [InlineData("81a100616100", "1 unexpected bytes after the pack")]
    [InlineData("81a2006161026161", "record 0, field 'v', byte 6: expected a number but found a string")]
    [InlineData("81a200616102fb7ff8000000000000", "record 0, field 'v', byte 6: expected a finite number but found NaN")]
    public void Decode_MalformedPayload_ThrowsWithWhatAndWhere(string hex, string expectedMessage)
    {
        var exception = Assert.Throws<SenmlFormatException>(() => SenmlCbor.Decode(Convert.FromHexString(hex)));

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
    }

    private static string Describe(ResolvedRecord record) =>
        $"{record.Name}|{record.Unit}|{record.Time}|{record.Value}|{record.StringValue}|{record.BooleanValue}|{Convert.ToHexString(record.DataValue?.ToArray() ?? [])}";
}
