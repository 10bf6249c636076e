using UrbanSensing.Protocol;

namespace UrbanSensing.Registry.Tests;

public sealed class SensorRegistryTests
{
    private static readonly DateTimeOffset Installed = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Removed = new(2025, 9, 15, 12, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Summer = new(2025, 7, 15, 12, 0, 0, TimeSpan.Zero);

    private readonly SensorRegistry _registry = ValidRegistry.Parse();

    [Fact]
    public void TryGetDevice_KnownAndUnknownIds_FindsOnlyTheKnownOne()
    {
        Assert.True(_registry.TryGetDevice("lille-0001", out var device));
        Assert.Equal(("fives", "Fives", "3"), (device.Site.Id, device.Site.District, device.Site.LocalClimateZone.Code));
        Assert.False(_registry.TryGetDevice("lille-0003", out _));
        Assert.False(_registry.TryGetDevice("LILLE-0001", out _));
    }

    [Fact]
    public void TryGetSite_KnownAndUnknownIds_FindsOnlyTheKnownOne()
    {
        Assert.True(_registry.TryGetSite("parc-citadelle", out var site));
        Assert.Equal("Vauban-Esquermes", site.District);
        Assert.False(_registry.TryGetSite("wazemmes", out _));
    }

    [Fact]
    public void DevicesAtSite_SiteWithAndWithoutDevices_ListsItsDevicesOrNone()
    {
        Assert.Equal(["lille-0002"], _registry.DevicesAtSite("parc-citadelle").Select(device => device.Id));
        Assert.Empty(_registry.DevicesAtSite("wazemmes"));
    }

    [Fact]
    public void ReferenceSites_OneReferenceSite_IsOnlyThatSite()
    {
        Assert.Equal(["parc-citadelle"], _registry.ReferenceSites.Select(site => site.Id));
    }

    [Fact]
    public void IsActive_AroundInstallationAndRemoval_IncludesInstallationAndExcludesRemoval()
    {
        var tick = TimeSpan.FromTicks(1);

        Assert.False(_registry.IsActive("lille-0001", Installed - tick));
        Assert.True(_registry.IsActive("lille-0001", Installed));
        Assert.True(_registry.IsActive("lille-0001", Removed - tick));
        Assert.False(_registry.IsActive("lille-0001", Removed));
        Assert.True(_registry.IsActive("lille-0002", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(_registry.IsActive("lille-0003", Summer));
    }

    [Fact]
    public void TryGetCalibration_CalibratedQuantity_CorrectsTheRawValue()
    {
        Assert.True(_registry.TryGetCalibration("lille-0001", "sht31", Quantities.AirTemperature, Summer, out var calibration));

        Assert.Equal(19.8, calibration.Apply(20), 12);
        Assert.Equal("co-location", calibration.Note);
    }

    [Fact]
    public void TryGetCalibration_MeasuredButUncalibratedQuantity_IsTheIdentity()
    {
        Assert.True(_registry.TryGetCalibration("lille-0001", "sht31", Quantities.RelativeHumidity, Summer, out var calibration));

        Assert.Same(Calibration.Identity, calibration);
    }

    [Theory]
    [InlineData("lille-0003", "sht31", "air-temperature", "2025-07-15")]
    [InlineData("lille-0001", "bme280", "air-temperature", "2025-07-15")]
    [InlineData("lille-0001", "sht31", "rainfall", "2025-07-15")]
    [InlineData("lille-0001", "sht31", "air-temperature", "2025-02-28")]
    [InlineData("lille-0001", "sht31", "air-temperature", "2025-09-16")]
    public void TryGetCalibration_ReadingTheRegistryDoesNotKnow_IsFalse(string deviceId, string sensor, string quantityName, string day)
    {
        Assert.True(Quantities.TryGet(quantityName, out var quantity));
        var instant = DateTimeOffset.Parse($"{day}T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(_registry.TryGetCalibration(deviceId, sensor, quantity, instant, out var calibration));
        Assert.Null(calibration);
    }

    [Fact]
    public void Constructor_TwoSitesWithOneId_Throws()
    {
        var site = _registry.Sites[0];

        var exception = Assert.Throws<ArgumentException>(() => new SensorRegistry([site, site with { Name = "Fives again" }], []));

        Assert.Equal("sites", exception.ParamName);
        Assert.Contains("'fives'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DeviceAtASiteOutsideTheRegistry_Throws()
    {
        var device = _registry.Devices[0];

        var exception = Assert.Throws<ArgumentException>(() => new SensorRegistry([_registry.Sites[1]], [device]));

        Assert.Equal("devices", exception.ParamName);
    }

    [Fact]
    public void Constructor_SitesAndDevicesInCode_BuildsTheSameLookups()
    {
        var registry = new SensorRegistry(_registry.Sites, _registry.Devices);

        Assert.True(registry.IsActive("lille-0002", Summer));
        Assert.Equal(_registry.Devices, registry.Devices);
    }
}
