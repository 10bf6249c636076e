using System.Reactive.Linq;
using UrbanSensing.Analytics.Comfort;
using UrbanSensing.Protocol;

namespace UrbanSensing.Analytics.Streaming.Tests;

public sealed class ComfortSeriesTests
{
    private const string Device = "lille-0009";
    private static readonly DateTimeOffset Noon = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_TemperatureAndHumidityInEitherOrder_DeriveWithTheComfortLibrary(bool temperatureFirst)
    {
        ChannelHour[] pair = [Temperature(Noon, 35), Humidity(Noon, 70)];

        var derived = Derive(temperatureFirst ? pair : [.. pair.Reverse()]);

        Assert.Equal(
            [
                new Reading(Device, "derived", Quantities.DewPoint, Noon, Psychrometrics.DewPoint(35, 70).Value, null),
                new Reading(Device, "derived", Quantities.HeatIndex, Noon, HeatIndex.Calculate(35, 70).Value, null),
                new Reading(Device, "derived", Quantities.Humidex, Noon, Humidex.FromRelativeHumidity(35, 70).Value, null),
            ],
            derived);
    }

    [Fact]
    public void Run_35CelsiusAnd70Percent_GivesTheMetPyAndNwsHeatIndexOf50Point34Celsius()
    {
        // MetPy tests/calc/test_basic.py, test_heat_index_units: 35 °C and 70 % give 50.3405 °C (the NWS procedure).
        var heatIndex = Derive(Humidity(Noon, 70), Temperature(Noon, 35)).Single(reading => reading.Quantity == Quantities.HeatIndex);

        Assert.Equal(50.3405, heatIndex.Value, 0.00015);
    }

    [Fact]
    public void Run_MeansOfDifferentSensorsOfTheDevice_ArePaired()
    {
        var derived = Derive(Temperature(Noon, 20) with { Sensor = "bme280" }, Humidity(Noon, 50));

        Assert.Equal(3, derived.Count);
        Assert.Equal(Psychrometrics.DewPoint(20, 50).Value, derived[0].Value);
    }

    [Fact]
    public void Run_PerfectlyDryAir_DerivesOnlyTheHeatIndex()
    {
        var derived = Derive(Temperature(Noon, 30), Humidity(Noon, 0));

        Assert.Equal([(Quantities.HeatIndex, HeatIndex.Calculate(30, 0).Value)], derived.Select(reading => (reading.Quantity, reading.Value)));
    }

    [Fact]
    public void Run_DewPointBelowItsPlausibleRange_IsLeftOut()
    {
        // At −50 °C and 1 % Bolton's dew point is about −83 °C, below the −80 °C a dew point can plausibly be.
        Assert.True(Psychrometrics.DewPoint(-50, 1).Value < Quantities.DewPoint.PlausibleMinimum);

        var derived = Derive(Temperature(Noon, -50), Humidity(Noon, 1));

        Assert.Equal([Quantities.HeatIndex, Quantities.Humidex], derived.Select(reading => reading.Quantity));
    }

    [Fact]
    public void Run_DifferentHoursOrDevices_AreNotPaired()
    {
        var derived = Derive(Temperature(Noon, 20), Humidity(Noon.AddHours(1), 50), Humidity(Noon, 50) with { DeviceId = "lille-0020" });

        Assert.Empty(derived);
    }

    [Fact]
    public void Run_SecondMeanOfADerivedHour_DerivesNothingMore()
    {
        var derived = Derive(Temperature(Noon, 20), Humidity(Noon, 50), Temperature(Noon, 25) with { Sensor = "bme280" }, Humidity(Noon, 60) with { Sensor = "bme280" });

        Assert.Equal(3, derived.Count);
        Assert.Equal(HeatIndex.Calculate(20, 50).Value, derived[1].Value);
    }

    [Fact]
    public void Run_PartnerArrivingAfterThePairingWindow_IsNotPaired()
    {
        // With a window of 2 hours a mean waits while the device's newest hour is at most 1 hour later: the 12:00
        // humidity finds the 12:00 temperature with 13:00 the newest, the 13:00 humidity comes with 15:00 the newest.
        var derived = Derive(
            new ComfortSeries(pairingHours: 2),
            Temperature(Noon, 20),
            Temperature(Noon.AddHours(1), 21),
            Humidity(Noon, 50),
            Temperature(Noon.AddHours(2), 22),
            Temperature(Noon.AddHours(3), 23),
            Humidity(Noon.AddHours(1), 55),
            Humidity(Noon.AddHours(2), 60));

        Assert.Equal([Noon, Noon.AddHours(2)], derived.Select(reading => reading.Timestamp).Distinct());
    }

    [Fact]
    public void Run_OtherQuantities_AreIgnored()
    {
        var derived = Derive(Temperature(Noon, 20), Temperature(Noon, 50) with { Quantity = Quantities.Pm25 });

        Assert.Empty(derived);
    }

    [Fact]
    public void Constructor_NoPairingWindow_Throws()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new ComfortSeries(pairingHours: 0));

        Assert.Equal("pairingHours", exception.ParamName);
    }

    private static ChannelHour Temperature(DateTimeOffset hour, double celsius) => new(Device, "sht31", Quantities.AirTemperature, hour, celsius, 360);

    private static ChannelHour Humidity(DateTimeOffset hour, double percent) => new(Device, "sht31", Quantities.RelativeHumidity, hour, percent, 360);

    private static List<Reading> Derive(params ChannelHour[] hours) => Derive(new ComfortSeries(), hours);

    private static List<Reading> Derive(ComfortSeries comfort, params ChannelHour[] hours)
    {
        var recorder = new Recorder<Reading>();
        using (comfort.Run(hours.ToObservable()).Subscribe(recorder))
        {
            Assert.True(recorder.Completed);
        }

        return recorder.Values;
    }
}
