using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Protocol.Tests;

public sealed class UnitConversionsTests
{
    [Theory]
    [InlineData("air-temperature", "K", 297.15, 24)]
    [InlineData("air-temperature", "K", 0, -273.15)]
    [InlineData("water-temperature", "K", 273.15, 0)]
    [InlineData("surface-temperature", "K", 300, 26.85)]
    [InlineData("relative-humidity", "/", 0.553, 55.3)]
    [InlineData("relative-humidity", "/100", 55.3, 55.3)]
    [InlineData("air-pressure", "hPa", 1013.2, 101_320)]
    [InlineData("pm2.5", "kg/m3", 0.000_000_012_5, 12.5)]
    [InlineData("pm10", "kg/m3", 0.000_000_042, 42)]
    [InlineData("no2", "kg/m3", 0.000_000_04, 40)]
    [InlineData("co2", "/", 0.000_421, 421)]
    [InlineData("co2", "/100", 0.0421, 421)]
    [InlineData("co2", "/1000", 0.421, 421)]
    [InlineData("rainfall", "cm", 1.2, 12)]
    [InlineData("rainfall", "m", 0.0123, 12.3)]
    [InlineData("water-level", "cm", 153, 1.53)]
    [InlineData("water-level", "mm", 7, 0.007)]
    public void TryFind_ConvertibleUnit_ConvertsExactlyToTheQuantitysUnit(string quantityName, string unit, double value, double expected)
    {
        var quantity = Quantity(quantityName);

        Assert.True(UnitConversions.TryFind(quantity, unit, out var conversion, out var reason), reason);

        Assert.Equal(expected, conversion.Apply(value));
        Assert.Equal(quantity.Unit, conversion.CanonicalUnit);
    }

    [Fact]
    public void TryFind_TheQuantitysOwnUnit_LeavesEveryValueAsItIs()
    {
        Assert.All(Quantities.All, quantity =>
        {
            Assert.True(UnitConversions.TryFind(quantity, quantity.Unit, out var conversion, out _));
            Assert.True(conversion.IsIdentity);
            Assert.Equal(0.1 + 0.2, conversion.Apply(0.1 + 0.2));
        });
    }

    [Theory]
    [InlineData("air-temperature", "degF", "unknown unit 'degF': not in the SenML units registry; air-temperature is sent in 'Cel'")]
    [InlineData("air-temperature", "°C", "unknown unit '°C': not in the SenML units registry; air-temperature is sent in 'Cel'")]
    [InlineData("air-pressure", "kPa", "unknown unit 'kPa': not in the SenML units registry; air-pressure is sent in 'Pa'")]
    [InlineData("pm2.5", "mg/m3", "unknown unit 'mg/m3': not in the SenML units registry; pm2.5 is sent in 'ug/m3'")]
    [InlineData("air-temperature", "A", "the unit 'A' is not accepted for air-temperature; it is sent in 'Cel' (convertible units: K)")]
    [InlineData("relative-humidity", "%", "the unit '%' is not accepted for relative-humidity; it is sent in '%RH' (convertible units: /, /100)")]
    [InlineData("co2", "%RH", "the unit '%RH' is not accepted for co2; it is sent in 'ppm' (convertible units: /, /100, /1000)")]
    [InlineData("rain-tips", "/", "the unit '/' is not accepted for rain-tips; it is sent in 'count'")]
    [InlineData("water-level", "km", "the unit 'km' is not accepted for water-level; it is sent in 'm' (convertible units: cm, mm)")]
    public void TryFind_UnknownOrIncompatibleUnit_SaysWhyAndWhatIsAccepted(string quantityName, string unit, string expectedReason)
    {
        Assert.False(UnitConversions.TryFind(Quantity(quantityName), unit, out var conversion, out var reason));

        Assert.Null(conversion);
        Assert.Equal(expectedReason, reason);
    }

    [Fact]
    public void All_EveryConversion_IsBetweenRegisteredUnitsIntoACatalogueUnit()
    {
        var catalogueUnits = Quantities.All.Select(quantity => quantity.Unit).ToHashSet();

        Assert.All(UnitConversions.All, conversion =>
        {
            Assert.True(SenmlUnits.Registered.Contains(conversion.Unit), conversion.Unit);
            Assert.True(catalogueUnits.Contains(conversion.CanonicalUnit), conversion.CanonicalUnit);
            Assert.NotEqual(conversion.Unit, conversion.CanonicalUnit);
        });
    }

    [Fact]
    public void Apply_ValueFarBeyondEveryRange_IsConvertedWithoutOverflow()
    {
        Assert.True(UnitConversions.TryFind(Quantities.Pm25, "kg/m3", out var conversion, out _));

        Assert.Equal(1e29, conversion.Apply(1e20), 1e14);
    }

    private static Quantity Quantity(string name) =>
        Quantities.TryGet(name, out var quantity) ? quantity : throw new ArgumentException($"no quantity '{name}'", nameof(name));
}
