using System.Globalization;
using System.Text;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Protocol.Tests.Senml;

public sealed class SenmlReadingsTests
{
    private static readonly DateTimeOffset Start = new(2026, 7, 14, 12, 0, 0, TimeSpan.Zero);

    private static readonly Reading[] Readings =
    [
        new("wazemmes-01", "sht31", Quantities.AirTemperature, Start, 24.37, 41),
        new("wazemmes-01", "sht31", Quantities.RelativeHumidity, Start, 55.2, 42),
        new("wazemmes-01", "sht31", Quantities.AirTemperature, Start.AddSeconds(60.000_123), 24.41, 43),
        new("wazemmes-01", "rg", Quantities.RainGaugeTips, Start.AddMinutes(2), 3, 44),
    ];

    [Theory]
    [InlineData(SenmlRepresentation.Json)]
    [InlineData(SenmlRepresentation.Cbor)]
    public void FromPack_EncodedReadings_RoundTripsExactly(SenmlRepresentation representation)
    {
        var payload = SenmlPayload.Encode(SenmlReadings.ToPack(Readings), representation);

        var decoded = SenmlReadings.FromPack(SenmlPayload.Decode(payload, contentType: null), Start);

        Assert.Equal(Readings, decoded);
    }

    [Fact]
    public void ToPack_Readings_UsesBaseNameAndRelativeTimes()
    {
        var json = Encoding.UTF8.GetString(SenmlJson.Encode(SenmlReadings.ToPack(Readings)));

        Assert.StartsWith(
            "[{\"bn\":\"wazemmes-01/\",\"bt\":1784030400,\"n\":\"sht31/air-temperature\",\"u\":\"Cel\",\"v\":24.37,\"seq\":41}",
            json,
            StringComparison.Ordinal);
        Assert.Contains("{\"n\":\"sht31/air-temperature\",\"u\":\"Cel\",\"t\":60.000123,\"v\":24.41,\"seq\":43}", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToPack_ReadingsOfTwoDevices_Throws()
    {
        Reading[] mixed = [Readings[0], Readings[0] with { DeviceId = "fives-02" }];

        var exception = Assert.Throws<ArgumentException>(() => SenmlReadings.ToPack(mixed));

        Assert.Contains("'wazemmes-01' and 'fives-02'", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","u":"degF","v":70}]""", "record 0, field 'u': unknown unit 'degF': not in the SenML units registry; air-temperature is sent in 'Cel'")]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","u":"A","v":2}]""", "record 0, field 'u': the unit 'A' is not accepted for air-temperature; it is sent in 'Cel' (convertible units: K)")]
    [InlineData("""[{"bn":"d1/","n":"rg/rain-tips","u":"/","v":2}]""", "record 0, field 'u': the unit '/' is not accepted for rain-tips; it is sent in 'count'")]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","v":21}]""", "record 0, field 'u': no unit")]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","u":"Cel","v":21},{"n":"x/ozone","u":"ppm","v":1}]""", "record 1, field 'n': unknown quantity 'ozone'; known quantities: air-temperature, relative-humidity")]
    [InlineData("""[{"n":"d1-air-temperature","u":"Cel","v":21}]""", "is not '<device>/<sensor>/<quantity>'")]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","u":"Cel","vs":"21"}]""", "field 'v': air-temperature needs a numeric value")]
    public void FromPack_InvalidReading_ThrowsNamingRecordAndField(string json, string expectedMessage)
    {
        var pack = SenmlJson.Decode(Encoding.UTF8.GetBytes(json));

        var exception = Assert.Throws<SenmlFormatException>(() => SenmlReadings.FromPack(pack, Start));

        Assert.Contains(expectedMessage, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[{"bn":"d1/","n":"sht31/ozone","u":"ppm","v":1}]""", PayloadErrorKind.UnknownQuantity)]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","u":"degF","v":70}]""", PayloadErrorKind.UnknownUnit)]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","u":"A","v":2}]""", PayloadErrorKind.UnknownUnit)]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","v":21}]""", PayloadErrorKind.UnknownUnit)]
    [InlineData("""[{"bn":"d1/","n":"sht31/air-temperature","u":"Cel","vs":"21"}]""", PayloadErrorKind.Malformed)]
    [InlineData("""[{"n":"d1-air-temperature","u":"Cel","v":21}]""", PayloadErrorKind.Malformed)]
    public void FromPack_InvalidReading_ThrowsWithItsKind(string json, PayloadErrorKind expectedKind)
    {
        var pack = SenmlJson.Decode(Encoding.UTF8.GetBytes(json));

        var exception = Assert.Throws<SenmlFormatException>(() => SenmlReadings.FromPack(pack, Start));

        Assert.Equal(expectedKind, exception.Kind);
    }

    [Theory]
    [InlineData("air-temperature", "K", 297.15, 24)]
    [InlineData("surface-temperature", "K", 0, -273.15)]
    [InlineData("relative-humidity", "/", 0.553, 55.3)]
    [InlineData("air-pressure", "hPa", 1013.2, 101_320)]
    [InlineData("pm10", "kg/m3", 0.000_000_042, 42)]
    [InlineData("co2", "/", 0.000_421, 421)]
    [InlineData("rainfall", "cm", 1.2, 12)]
    [InlineData("water-level", "cm", 153, 1.53)]
    public void FromPack_ValueInAConvertibleUnit_IsConvertedToTheQuantitysUnit(string quantityName, string unit, double value, double expected)
    {
        Assert.True(Quantities.TryGet(quantityName, out var quantity));
        var json = $$"""[{"bn":"d1/","bt":1784030400,"n":"s1/{{quantityName}}","u":"{{unit}}","v":{{value.ToString(CultureInfo.InvariantCulture)}}}]""";

        var reading = Assert.Single(SenmlReadings.FromPack(SenmlJson.Decode(Encoding.UTF8.GetBytes(json)), Start));

        Assert.Equal(expected, reading.Value);
        Assert.Equal(quantity, reading.Quantity);
        Assert.Equal(quantity.Unit, reading.Unit);
    }

    [Fact]
    public void FromPack_EveryCatalogueQuantityInItsUnit_IsAccepted()
    {
        var readings = Quantities.All
            .Select((quantity, index) => new Reading("lomme-03", "s" + index, quantity, Start.AddSeconds(index), index, index))
            .ToList();

        var decoded = SenmlReadings.FromPack(SenmlCbor.Decode(SenmlCbor.Encode(SenmlReadings.ToPack(readings))), Start);

        Assert.Equal(readings, decoded);
        Assert.All(Quantities.All, quantity => Assert.True(SenmlUnits.Registered.Contains(quantity.Unit), quantity.Unit));
    }
}
