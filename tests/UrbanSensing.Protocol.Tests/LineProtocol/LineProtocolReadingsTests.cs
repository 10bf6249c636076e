using System.Text;
using UrbanSensing.Protocol.LineProtocol;

namespace UrbanSensing.Protocol.Tests.LineProtocol;

/// <summary>
/// Payloads follow the InfluxDB line protocol reference (docs.influxdata.com, "Line protocol" and its "Special
/// characters" section); the examples there are kept where they parse, with fields renamed to UrbanSensing quantities.
/// </summary>
public sealed class LineProtocolReadingsTests
{
    private const string Device = "fives-01";
    private static readonly DateTimeOffset ReceivedAt = new(2026, 7, 14, 12, 0, 30, TimeSpan.Zero);

    [Fact]
    public void FromPayload_ReferenceExampleWithQuantityFields_GivesOneReadingPerField()
    {
        var readings = Parse("weather,location=us-midwest,device=fives-01 air-temperature=21.5,relative-humidity=60i 1465839830100400200");

        Assert.Equal(
            [
                new Reading(Device, LineProtocolReadings.DefaultSensor, Quantities.AirTemperature, Time(1465839830, 100_400), 21.5, null),
                new Reading(Device, LineProtocolReadings.DefaultSensor, Quantities.RelativeHumidity, Time(1465839830, 100_400), 60, null),
            ],
            readings);
    }

    [Fact]
    public void FromPayload_QuantityTagAndValueField_GivesOneReadingInTheCanonicalUnit()
    {
        var reading = Assert.Single(Parse("urbansensing,sensor=ds18b20,quantity=water-temperature,unit=K value=285.15 1784030400000000000"));

        Assert.Equal(new Reading(Device, "ds18b20", Quantities.WaterTemperature, Time(1784030400, 0), 12, null), reading);
    }

    [Theory]
    [InlineData(@"my\ Measurement,sensor=bme280,unit=hPa air-pressure=1013.25", 101_325)]
    [InlineData(@"myMeasurement,tag\ Key1=tag\ Value1,tag\ Key2=tag\ Value2,sensor=bme280,unit=hPa air-pressure=1013.25", 101_325)]
    [InlineData(@"m\,easurement,tag\,key=tag\,value\=with\=equals,sensor=bme280 air-pressure=101325", 101_325)]
    [InlineData(@"m,path=C:\\temp\\,sensor=bme280 air-pressure=101325", 101_325)]
    [InlineData(@"m,path=C:\temp,sensor=bme280 air-pressure=101325", 101_325)]
    [InlineData("myMeasurement,tagKey=🍭,sensor=bme280 air-pressure=101325 1556813561098000000", 101_325)]
    public void FromPayload_EscapedNamesAndTagValues_AreReadAsTheSpecificationSays(string line, double expectedPascal)
    {
        var reading = Assert.Single(Parse(line));

        Assert.Equal("bme280", reading.Sensor);
        Assert.Equal(Quantities.AirPressure, reading.Quantity);
        Assert.Equal(expectedPascal, reading.Value);
    }

    [Fact]
    public void FromPayload_EscapedTagKey_IsMatchedAfterUnescaping()
    {
        var reading = Assert.Single(Parse(@"m,sen\sor=literal-backslash,\unit=ignored,sensor=sht31 air-temperature=20"));

        Assert.Equal("sht31", reading.Sensor);
        Assert.Equal(20, reading.Value);
    }

    [Fact]
    public void FromPayload_StringFieldWithEscapedQuotesCommasAndSpaces_IsScannedToItsClosingQuote()
    {
        var exception = Assert.Throws<LineProtocolFormatException>(() => Parse("m air-temperature=20,comment=\"a \\\"b\\\", c=d e\" 1"));

        Assert.Equal(PayloadErrorKind.UnknownQuantity, exception.Kind);
        Assert.StartsWith("unknown quantity 'comment'", exception.Reason, StringComparison.Ordinal);
        Assert.Equal(22, exception.Column);
    }

    [Theory]
    [InlineData("m rain-tips=3i", 3)]
    [InlineData("m rain-tips=3u", 3)]
    [InlineData("m rain-tips=3", 3)]
    [InlineData("m air-temperature=-1.5e1", -15)]
    [InlineData("m air-temperature=+.5", 0.5)]
    [InlineData("m air-temperature=-7i", -7)]
    public void FromPayload_NumberTypes_AreAllRead(string line, double expected)
    {
        Assert.Equal(expected, Assert.Single(Parse(line)).Value);
    }

    [Fact]
    public void FromPayload_NoTimestamp_TakesTheReceptionTime()
    {
        Assert.Equal(ReceivedAt, Assert.Single(Parse("m air-temperature=20")).Timestamp);
    }

    [Fact]
    public void FromPayload_NanosecondTimestamp_IsTruncatedToTheMicrosecond()
    {
        Assert.Equal(Time(1784030400, 123_456), Assert.Single(Parse("m air-temperature=20 1784030400123456999")).Timestamp);
    }

    [Fact]
    public void FromPayload_CommentsBlankLinesCarriageReturnsAndSeveralSensors_AreHandled()
    {
        var readings = Parse("# Telegraf output\r\n\r\nm,sensor=sht31 air-temperature=20 1784030400000000000\r\n   \n  m,sensor=rg rain-tips=2i 1784030460000000000\n");

        Assert.Equal(["sht31", "rg"], readings.Select(reading => reading.Sensor));
        Assert.Equal([Quantities.AirTemperature, Quantities.RainGaugeTips], readings.Select(reading => reading.Quantity));
        Assert.Equal([Time(1784030400, 0), Time(1784030460, 0)], readings.Select(reading => reading.Timestamp));
    }

    [Fact]
    public void FromPayload_DeviceTagOfAnotherDevice_IsKeptForTheDecoderToRefuse()
    {
        Assert.Equal("lomme-02", Assert.Single(Parse("m,device=lomme-02 air-temperature=20")).DeviceId);
    }

    [Theory]
    [InlineData("m air-temperature=20\nm air-temperature=hot", 2, 19, PayloadErrorKind.Malformed, "the value 'hot' of field 'air-temperature' is not a float")]
    [InlineData("m air-temperature=1e400", 1, 19, PayloadErrorKind.Malformed, "the value '1e400' of field 'air-temperature' is not a float")]
    [InlineData("m air-temperature=NaN", 1, 19, PayloadErrorKind.Malformed, "the value 'NaN' of field 'air-temperature' is not a float")]
    [InlineData("m ozone=1", 1, 3, PayloadErrorKind.UnknownQuantity, "unknown quantity 'ozone'; known quantities: air-temperature")]
    [InlineData("m,quantity=ozone value=1", 1, 12, PayloadErrorKind.UnknownQuantity, "unknown quantity 'ozone'; known quantities: air-temperature")]
    [InlineData("m,unit=degF air-temperature=70", 1, 8, PayloadErrorKind.UnknownUnit, "unknown unit 'degF': not in the SenML units registry; air-temperature is sent in 'Cel'")]
    [InlineData("m,unit=A air-temperature=70", 1, 8, PayloadErrorKind.UnknownUnit, "the unit 'A' is not accepted for air-temperature; it is sent in 'Cel' (convertible units: K)")]
    [InlineData("m,unit=K air-temperature=290,relative-humidity=50", 1, 8, PayloadErrorKind.UnknownUnit, "the unit 'K' is not accepted for relative-humidity")]
    [InlineData("m air-temperature=\"21\"", 1, 19, PayloadErrorKind.Malformed, "air-temperature needs a numeric value, not a string")]
    [InlineData("m air-temperature=true", 1, 19, PayloadErrorKind.Malformed, "air-temperature needs a numeric value, not a boolean")]
    [InlineData("m", 1, 2, PayloadErrorKind.Malformed, "the point has no field")]
    [InlineData("m,sensor=sht31 ", 1, 16, PayloadErrorKind.Malformed, "the point has no field")]
    [InlineData(",sensor=sht31 air-temperature=1", 1, 1, PayloadErrorKind.Malformed, "a point starts with its measurement name")]
    [InlineData("m,sensor air-temperature=1", 1, 3, PayloadErrorKind.Malformed, "the tag 'sensor' has no '=' and value")]
    [InlineData("m,sensor= air-temperature=1", 1, 10, PayloadErrorKind.Malformed, "the tag 'sensor' has an empty value")]
    [InlineData("m,sensor=a=b air-temperature=1", 1, 11, PayloadErrorKind.Malformed, "the value of tag 'sensor' holds an '=' that is not escaped")]
    [InlineData("m,sensor=a,sensor=b air-temperature=1", 1, 12, PayloadErrorKind.Malformed, "the tag 'sensor' appears twice in the point")]
    [InlineData("m,sensor=sht/31 air-temperature=1", 1, 10, PayloadErrorKind.Malformed, "sensor 'sht/31' is not a valid identifier")]
    [InlineData("m,device=-bad air-temperature=1", 1, 10, PayloadErrorKind.Malformed, "device '-bad' is not a valid identifier")]
    [InlineData("m air-temperature", 1, 3, PayloadErrorKind.Malformed, "the field 'air-temperature' has no '=' and value")]
    [InlineData("m air-temperature=", 1, 19, PayloadErrorKind.Malformed, "the field 'air-temperature' has no value")]
    [InlineData("m air-temperature=\"open", 1, 19, PayloadErrorKind.Malformed, "the string value of field 'air-temperature' has no closing '\"'")]
    [InlineData("m air-temperature=1,air-temperature=2", 1, 21, PayloadErrorKind.Malformed, "the field 'air-temperature' appears twice in the point")]
    [InlineData("m,quantity=co2 reading=400", 1, 16, PayloadErrorKind.Malformed, "with a 'quantity' tag the point carries one field, 'value'; 'reading' is not expected")]
    [InlineData("m,quantity=co2 value=400,value=401", 1, 26, PayloadErrorKind.Malformed, "the field 'value' appears twice in the point")]
    [InlineData("m air-temperature=1 12x", 1, 21, PayloadErrorKind.Malformed, "the timestamp '12x' is not a whole number of nanoseconds")]
    [InlineData("m air-temperature=1 -1", 1, 21, PayloadErrorKind.Malformed, "the timestamp -1 is before 1970")]
    [InlineData("m air-temperature=1 1 extra", 1, 23, PayloadErrorKind.Malformed, "unexpected text after the timestamp")]
    [InlineData("m,tagKey=🍭 air-temperature=hot", 1, 29, PayloadErrorKind.Malformed, "the value 'hot' of field 'air-temperature'")]
    [InlineData("# nothing but a comment\n\n", 1, 1, PayloadErrorKind.Malformed, "the payload holds no point")]
    public void FromPayload_InvalidLine_ThrowsNamingLineColumnAndKind(string payload, int line, int column, PayloadErrorKind kind, string expectedReason)
    {
        var exception = Assert.Throws<LineProtocolFormatException>(() => Parse(payload));

        Assert.StartsWith(expectedReason, exception.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column, kind), (exception.Line, exception.Column, exception.Kind));
        Assert.StartsWith($"line {line}, column {column}: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPayload_InvalidUtf8_ThrowsNamingTheLineAndTheByte()
    {
        var exception = Assert.Throws<LineProtocolFormatException>(
            () => LineProtocolReadings.FromPayload([.. "m air-temperature=20\nm,é=1 "u8, 0xff], Device, ReceivedAt));

        Assert.Equal((2, 7), (exception.Line, exception.Column));
        Assert.Contains("byte 0xFF (payload byte 28)", exception.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FromPayload_TenThousandRandomPayloads_EitherParseOrThrowAFormatError()
    {
        const string Alphabet = "m ,=\\\"#\n\r\t-.0123456789eiutf+air-temperature,device=sensor=quantity=unit=K,value=é🍭";
        var random = new Random(8428);
        var outcomes = new HashSet<string>();
        for (var index = 0; index < 10_000; index++)
        {
            var payload = index % 4 == 0
                ? Enumerable.Range(0, random.Next(1, 64)).Select(_ => (byte)random.Next(256)).ToArray()
                : Encoding.UTF8.GetBytes(new string([.. Enumerable.Range(0, random.Next(1, 64)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]));
            try
            {
                LineProtocolReadings.FromPayload(payload, Device, ReceivedAt);
                outcomes.Add("parsed");
            }
            catch (LineProtocolFormatException exception)
            {
                outcomes.Add(exception.Kind.ToString());
            }
        }

        Assert.Contains(nameof(PayloadErrorKind.Malformed), outcomes);
        Assert.Contains(nameof(PayloadErrorKind.UnknownQuantity), outcomes);
    }

    [Theory]
    [InlineData("[{\"n\":\"a\"}]", null, false)]
    [InlineData(" \n[{\"n\":\"a\"}]", null, false)]
    [InlineData("", null, false)]
    [InlineData("m air-temperature=20", null, true)]
    [InlineData("# comment\nm air-temperature=20", null, true)]
    [InlineData("m air-temperature=20", "text/plain", true)]
    [InlineData("m air-temperature=20", "Text/Plain; charset=utf-8", true)]
    [InlineData("[1]", "application/vnd.influxdb.line-protocol", true)]
    [InlineData("m air-temperature=20", "application/senml+json", false)]
    public void IsLineProtocol_ContentTypeOrFirstByte_TellsLineProtocolFromSenml(string payload, string? contentType, bool expected)
    {
        Assert.Equal(expected, LineProtocolReadings.IsLineProtocol(Encoding.UTF8.GetBytes(payload), contentType));
    }

    [Fact]
    public void IsLineProtocol_CborArrayWithoutContentType_IsSenml()
    {
        Assert.False(LineProtocolReadings.IsLineProtocol([0x81, 0xa1, 0x00, 0x61, 0x61], contentType: null));
        Assert.True(LineProtocolReadings.IsLineProtocol([0xa1, 0x00], contentType: null));
    }

    private static IReadOnlyList<Reading> Parse(string payload) =>
        LineProtocolReadings.FromPayload(Encoding.UTF8.GetBytes(payload), Device, ReceivedAt);

    private static DateTimeOffset Time(long unixSeconds, int microseconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).AddTicks(microseconds * 10L);
}
