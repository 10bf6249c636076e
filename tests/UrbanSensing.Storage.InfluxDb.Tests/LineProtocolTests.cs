using System.Buffers;
using System.Globalization;
using System.Text;
using UrbanSensing.Protocol;
using static UrbanSensing.Storage.InfluxDb.Tests.TestReadings;

namespace UrbanSensing.Storage.InfluxDb.Tests;

public sealed class LineProtocolTests
{
    public static TheoryData<string> QuantityNames => [.. Quantities.All.Select(quantity => quantity.Name)];

    [Fact]
    public void Write_ReadingWithSequence_WritesOneLineWithTagsFieldsAndNanoseconds()
    {
        Assert.Equal(
            "air,device=lille-0001,quantity=air-temperature,sensor=sht31 value=21.5,qc=0i,seq=7i 1748779200123456000\n",
            Line(Temperature("lille-0001", T0, 21.5, sequence: 7)));
    }

    [Fact]
    public void Write_ReadingWithoutSequence_WritesNoSeqField()
    {
        Assert.Equal(
            "air,device=a,quantity=air-temperature,sensor=sht31 value=-3.75,qc=0i 1748779200123456000\n",
            Line(Temperature("a", T0, -3.75)));
    }

    [Theory]
    [InlineData(QualityFlags.Unregistered, "1i")]
    [InlineData((QualityFlags)6, "6i")]
    public void Write_FlaggedReading_WritesTheFlagsAsTheIntegerQc(QualityFlags flags, string qc)
    {
        Assert.Equal(
            $"air,device=a,quantity=air-temperature,sensor=sht31 value=1,qc={qc},seq=2i 1748779200123456000\n",
            Line(Temperature("a", T0, 1, sequence: 2) with { Flags = flags }));
    }

    [Theory]
    [MemberData(nameof(QuantityNames))]
    public void Write_EachQuantity_UsesTheMeasurementOfItsDomain(string quantityName)
    {
        Assert.True(Quantities.TryGet(quantityName, out var quantity));
        var expected = quantity.Domain switch
        {
            Domain.Air => "air",
            Domain.Water => "water",
            Domain.Rain => "rain",
            Domain.Surface => "surface",
            _ => throw new ArgumentOutOfRangeException(nameof(quantityName)),
        };

        var line = Line(new Reading("a", "part", quantity, T0, 1, null));

        Assert.StartsWith($"{expected},device=a,quantity={quantityName},sensor=part ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_DeviceTags_WritesThemInKeyOrderEscapingCommasEqualsAndSpaces()
    {
        var tags = new DeviceTags("Place du Théâtre, Lille", "Vieux=Lille", "LCZ 2");

        var line = Line(Temperature("a", T0, 1), tags);

        Assert.Equal(
            @"air,device=a,district=Vieux\=Lille,lcz=LCZ\ 2,quantity=air-temperature,sensor=sht31,site=Place\ du\ Théâtre\,\ Lille value=1,qc=0i 1748779200123456000" + "\n",
            line);
    }

    [Fact]
    public void SeriesKey_TagsOutOfOrderSomeEmpty_WritesTheOthersInKeyOrderEscaped()
    {
        KeyValuePair<string, string>[] tags =
        [
            new("site", "Place du Théâtre, Lille"),
            new("sensor", "sht31"),
            new("lcz", ""),
            new("device", "a"),
            new("quantity", "air-temperature"),
            new("district", "Vieux=Lille"),
        ];

        Assert.Equal(
            @"air,device=a,district=Vieux\=Lille,quantity=air-temperature,sensor=sht31,site=Place\ du\ Théâtre\,\ Lille",
            LineProtocol.SeriesKey("air", tags));
    }

    [Theory]
    [InlineData("a\\b")]
    [InlineData("a\nb")]
    public void SeriesKey_TagValueWithBackslashOrLineBreak_ThrowsNamingIt(string site)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LineProtocol.SeriesKey("air", [new("device", "a"), new("site", site)]));

        Assert.Contains("'site'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(QualityFlags.None, "0i")]
    [InlineData(QualityFlags.Unregistered | QualityFlags.CrowdQcO3, "16385i")]
    public void WriteFlags_StoredSeries_WritesTheQcFieldAloneUnderItsKeyAtItsTime(QualityFlags flags, string qc)
    {
        var output = new ArrayBufferWriter<byte>();

        LineProtocol.WriteFlags(output, @"air,device=a,quantity=air-temperature,sensor=sht31,site=Place\ du\ Théâtre", flags, T0Nanoseconds);

        Assert.Equal(
            $@"air,device=a,quantity=air-temperature,sensor=sht31,site=Place\ du\ Théâtre qc={qc} 1748779200123456000" + "\n",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Write_EmptyOrMissingDeviceTags_LeavesThemOut()
    {
        Assert.Equal(Line(Temperature("a", T0, 1)), Line(Temperature("a", T0, 1), new DeviceTags("", null, "")));
    }

    [Theory]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(-3.75, "-3.75")]
    [InlineData(20, "20")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(123456789012345680, "1.2345678901234568E+17")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    public void Write_Value_WritesTheShortestRoundTripInvariantForm(double value, string expected)
    {
        var line = Line(Temperature("a", T0, value));

        Assert.Contains($" value={expected},", line, StringComparison.Ordinal);
        Assert.Equal(value, double.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Write_NonFiniteValue_Throws(double value)
    {
        var error = Assert.Throws<ArgumentException>(() => Line(Temperature("a", T0, value)));

        Assert.Contains("device 'a'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"C:\sites")]
    [InlineData("two\nlines")]
    [InlineData("carriage\rreturn")]
    public void Write_TagValueWithBackslashOrLineBreak_Throws(string site)
    {
        var error = Assert.Throws<ArgumentException>(() => Line(Temperature("a", T0, 1), new DeviceTags(site, null, null)));

        Assert.Contains("'site'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EmptyDeviceOrSensor_Throws()
    {
        Assert.Throws<ArgumentException>(() => Line(Temperature("", T0, 1)));
        Assert.Throws<ArgumentException>(() => Line(new Reading("a", null!, Quantities.AirTemperature, T0, 1, null)));
    }

    [Fact]
    public void Write_ThrowingReading_LeavesTheBufferAsItWas()
    {
        var buffer = new ArrayBufferWriter<byte>();
        LineProtocol.Write(buffer, Temperature("a", T0, 1), null);
        var before = buffer.WrittenSpan.ToArray();

        Assert.Throws<ArgumentException>(() => LineProtocol.Write(buffer, Temperature("b", T0, 1), new DeviceTags("a\\b", null, null)));

        Assert.Equal(before, buffer.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(1600)]
    [InlineData(2300)]
    public void Write_InstantInfluxDbCannotStore_Throws(int year)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Line(Temperature("a", new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), 1)));
    }

    [Fact]
    public void ToUnixNanoseconds_InstantInAnyOffset_CountsFromTheEpochInUtc()
    {
        Assert.Equal(T0Nanoseconds, LineProtocol.ToUnixNanoseconds(T0.ToOffset(TimeSpan.FromHours(2))));
        Assert.Equal(0, LineProtocol.ToUnixNanoseconds(DateTimeOffset.UnixEpoch));
        Assert.Equal(-1_000, LineProtocol.ToUnixNanoseconds(DateTimeOffset.UnixEpoch - Microsecond));
    }

    [Fact]
    public void Write_ManyReadingsIntoAReusedBuffer_AllocatesNothing()
    {
        var buffer = new ArrayBufferWriter<byte>(1 << 20);
        var tags = new DeviceTags("Place du Théâtre, Lille", "Vieux-Lille", "LCZ 2");
        var readings = Enumerable.Range(0, 1000)
            .Select(index => Temperature("lille-0001", T0.AddSeconds(index), index * 0.1, sequence: index))
            .ToArray();
        WriteAll(buffer, readings, tags);
        buffer.ResetWrittenCount();

        var before = GC.GetAllocatedBytesForCurrentThread();
        WriteAll(buffer, readings, tags);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(1000, Encoding.UTF8.GetString(buffer.WrittenSpan).Count(character => character == '\n'));
    }

    private static void WriteAll(ArrayBufferWriter<byte> buffer, Reading[] readings, DeviceTags tags)
    {
        foreach (var reading in readings)
        {
            LineProtocol.Write(buffer, reading, tags);
        }
    }

    private static string Line(Reading reading, DeviceTags? tags = null)
    {
        var buffer = new ArrayBufferWriter<byte>();
        LineProtocol.Write(buffer, reading, tags);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
