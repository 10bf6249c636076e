using System.Text;
using UrbanSensing.Protocol;
using UrbanSensing.Tests.Shared;

namespace UrbanSensing.Registry.Tests;

public sealed class RegistryLoaderTests
{
    [Fact]
    public void Parse_ValidFiles_ReadsEveryField()
    {
        var registry = ValidRegistry.Parse();

        var fives = registry.Sites[0];
        Assert.Equal(
            new Site("fives", "Fives", "Fives", 50.6308, 3.0908, null, LocalClimateZone.CompactLowRise, 3.5, "Brick terraces", IsReference: false),
            fives);
        var park = registry.Sites[1];
        Assert.Equal((50.6405, 3.0440, 21.5), (park.Latitude, park.Longitude, park.Elevation));
        Assert.Same(LocalClimateZone.DenseTrees, park.LocalClimateZone);
        Assert.Null(park.Surroundings);
        Assert.True(park.IsReference);

        var first = registry.Devices[0];
        Assert.Equal("lille-0001", first.Id);
        Assert.Same(fives, first.Site);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero), first.Installed);
        Assert.Equal(new DateTimeOffset(2025, 9, 15, 14, 30, 0, TimeSpan.FromHours(2)), first.Removed);
        Assert.Equal(TimeSpan.FromHours(2), first.Removed!.Value.Offset);
        Assert.Equal(["sht31", "rg"], first.Sensors.Select(sensor => sensor.Name));
        Assert.Equal([Quantities.AirTemperature, Quantities.RelativeHumidity], first.Sensors[0].Quantities);
        Assert.Equal(new Calibration(1, -0.2, "co-location"), first.Sensors[0].Calibrations[Quantities.AirTemperature]);
        Assert.Empty(first.Sensors[1].Calibrations);

        var second = registry.Devices[1];
        Assert.Equal(new DateTimeOffset(2025, 3, 2, 8, 0, 0, TimeSpan.Zero), second.Installed);
        Assert.Null(second.Removed);
        Assert.Equal(new Calibration(1.02, 0), second.Sensors[0].Calibrations[Quantities.AirTemperature]);
    }

    [Theory]
    [InlineData("\"lcz\": \"3\"", "\"lcz\": \"Z\"", "site 'fives': 'lcz' is \"Z\", which is not a local climate zone; it must be a local climate zone code of Stewart and Oke (2012): \"1\" to \"10\" for the built types, \"A\" to \"G\" for the land cover types")]
    [InlineData("\"lcz\": \"3\"", "\"lcz\": 3", "site 'fives': 'lcz' is the number 3; it must be a local climate zone code")]
    [InlineData("\"id\": \"fives\"", "\"id\": \"fives!\"", "feature: 'id': 'fives!' is not a valid identifier: use 1 to 64 letters, digits, '-', '_' or '.'")]
    [InlineData("[3.0908, 50.6308]", "[3.0908, 95.0]", "site 'fives': latitude 95 is outside -90 to 90 degrees; 'coordinates' are [longitude, latitude], longitude first")]
    [InlineData("[3.0908, 50.6308]", "[190, 50.6308]", "site 'fives': longitude 190 is outside -180 to 180 degrees")]
    [InlineData("[3.0908, 50.6308]", "[3.0908]", "site 'fives': 'coordinates' holds 1 value; it must be [longitude, latitude] or [longitude, latitude, elevation]")]
    [InlineData("[3.0908, 50.6308]", "[3.0908, \"50.6308\"]", "site 'fives': coordinate 2 is the string \"50.6308\"")]
    [InlineData("\"type\": \"Point\", \"coordinates\": [3.0908", "\"type\": \"LineString\", \"coordinates\": [3.0908", "site 'fives': 'type' is \"LineString\"; it must be \"Point\" (a site is a point)")]
    [InlineData("\"heightAboveGround\": 3.5", "\"heightAboveGround\": 150", "site 'fives': 'heightAboveGround' is 150; it must be the sensors' height above the ground in metres, from 0 to 100")]
    [InlineData("\"heightAboveGround\": 3.5", "\"heightAboveGround\": -1", "site 'fives': 'heightAboveGround' is -1")]
    [InlineData("\"heightAboveGround\": 3.5", "\"heightAboveGround\": \"3.5\"", "site 'fives': 'heightAboveGround' is the string \"3.5\"; it must be")]
    [InlineData("\"heightAboveGround\": 3.5", "\"heightAboveGround\": 1e400", "site 'fives': 'heightAboveGround' is too large a number")]
    [InlineData("\"name\": \"Fives\"", "\"name\": \" \"", "site 'fives': 'name' is blank; it must be the name a person reads on a map")]
    [InlineData("\"surroundings\": \"Brick terraces\"", "\"surrounding\": \"Brick terraces\"", "site 'fives': 'surrounding' is not a known field; the fields are 'id', 'name', 'district', 'lcz', 'heightAboveGround', 'surroundings', 'reference'")]
    [InlineData("\"reference\": false", "\"reference\": \"no\"", "site 'fives': 'reference' is the string \"no\"; it must be true for a rural or park site")]
    [InlineData("\"id\": \"parc-citadelle\"", "\"id\": \"fives\"", "site 'fives': the id is already used by the site on line 8; each site has its own id")]
    [InlineData("\"type\": \"FeatureCollection\"", "\"type\": \"Collection\"", "feature collection: 'type' is \"Collection\"; it must be \"FeatureCollection\"")]
    public void Parse_OneWrongSiteValue_ReportsItOnItsLine(string original, string replacement, string expected)
    {
        var sites = ValidRegistry.ReplaceOnce(ValidRegistry.Sites, original, replacement);

        // A site that loses its id also leaves its device at an unknown site; that error is checked elsewhere.
        var error = Assert.Single(ValidRegistry.ParseInvalid(sites: sites).Errors, candidate => candidate.File == RegistryLoader.SitesFileName);

        Assert.Equal(ValidRegistry.LineOf(ValidRegistry.Sites, original), error.Line);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"site\": \"fives\"", "\"site\": \"fivess\"", "device 'lille-0001': 'site' is \"fivess\", which is not the id of a site in sites.geojson")]
    [InlineData("\"site\": \"fives\"", "\"site\": \"fives/1\"", "device 'lille-0001': 'site': 'fives/1' is not a valid identifier")]
    [InlineData("\"id\": \"lille-0002\"", "\"id\": \"lille-0001\"", "device 'lille-0001': the id is already used by the device on line 4; each device has its own id")]
    [InlineData("\"installed\": \"2025-03-01\"", "\"installed\": \"01/03/2025\"", "device 'lille-0001': 'installed' is \"01/03/2025\", which is not a date; it must be an ISO 8601 date such as \"2025-03-01\" (midnight UTC) or a date and time with an offset")]
    [InlineData("\"installed\": \"2025-03-01\"", "\"installed\": \"2025-03-01T09:00:00\"", "device 'lille-0001': 'installed' is \"2025-03-01T09:00:00\", which is not a date")]
    [InlineData("\"installed\": \"2025-03-02T08:00:00Z\"", "\"installed\": null", "device 'lille-0002': 'installed' is null; it must be an ISO 8601 date")]
    [InlineData("\"removed\": \"2025-09-15T14:30:00+02:00\"", "\"removed\": \"2025-02-01\"", "device 'lille-0001': 'removed' (2025-02-01) is not after 'installed' (2025-03-01); a device is removed after it is installed")]
    [InlineData("\"removed\": \"2025-09-15T14:30:00+02:00\"", "\"removed\": \"2025-03-01\"", "device 'lille-0001': 'removed' (2025-03-01) is not after 'installed' (2025-03-01)")]
    [InlineData("\"removed\": \"2025-09-15T14:30:00+02:00\"", "\"remove\": \"2025-09-15T14:30:00+02:00\"", "device 'lille-0001': 'remove' is not a known field; the fields are 'id', 'site', 'installed', 'removed', 'sensors'")]
    [InlineData("\"relative-humidity\"]", "\"humidity\"]", "device 'lille-0001', sensor 'sht31': 'quantities' holds \"humidity\", which is not a known quantity; the quantities are: air-temperature, relative-humidity, air-pressure, pm2.5, pm10, no2, o3, so2, co2, rain-tips, rainfall, water-level, water-temperature, surface-temperature, dew-point, heat-index, humidex")]
    [InlineData("\"quantities\": [\"air-temperature\"]", "\"quantities\": [\"air-temperature\", \"air-temperature\"]", "device 'lille-0002', sensor 'sht31': 'quantities' lists \"air-temperature\" twice; list each quantity once")]
    [InlineData("\"quantities\": [\"air-temperature\"]", "\"quantities\": []", "device 'lille-0002', sensor 'sht31': 'quantities' is empty; a sensor measures at least one quantity")]
    [InlineData("{ \"name\": \"rg\"", "{ \"name\": \"sht31\"", "device 'lille-0001', sensor 'sht31': the device already has a sensor by this name, on line 10; name each sensor of a device once")]
    [InlineData("\"calibration\": { \"air-temperature\": { \"factor\": 1.02 } }", "\"calibration\": { \"rainfall\": { \"factor\": 1.02 } }", "device 'lille-0002', sensor 'sht31': 'calibration' has \"rainfall\", which the sensor does not list in 'quantities' (air-temperature); calibrate only what it measures")]
    [InlineData("\"calibration\": { \"air-temperature\": { \"factor\": 1.02 } }", "\"calibration\": { \"temperature\": { \"factor\": 1.02 } }", "device 'lille-0002', sensor 'sht31': 'calibration' has \"temperature\", which is not a known quantity")]
    [InlineData("{ \"factor\": 1.02 }", "{ \"factor\": 0 }", "device 'lille-0002', sensor 'sht31', calibration of \"air-temperature\": 'factor' is 0; it must be a finite number other than zero; corrected = raw × factor + offset (default 1)")]
    [InlineData("{ \"factor\": 1.02 }", "{ \"factor\": 1.02, \"offset\": \"0.1\" }", "device 'lille-0002', sensor 'sht31', calibration of \"air-temperature\": 'offset' is the string \"0.1\"; it must be a finite number in Cel, the quantity's unit")]
    [InlineData("{ \"factor\": 1.02 }", "{ \"factor\": 1.02, \"scale\": 2 }", "device 'lille-0002', sensor 'sht31', calibration of \"air-temperature\": 'scale' is not a known field; the fields are 'factor', 'offset', 'note'")]
    [InlineData("{ \"factor\": 1.02 }", "1.02", "device 'lille-0002', sensor 'sht31': the calibration of \"air-temperature\" is the number 1.02; it must be an object with 'factor', 'offset' or both")]
    public void Parse_OneWrongDeviceValue_ReportsItOnItsLine(string original, string replacement, string expected)
    {
        var devices = ValidRegistry.ReplaceOnce(ValidRegistry.Devices, original, replacement);

        var error = Assert.Single(ValidRegistry.ParseInvalid(devices: devices).Errors);

        Assert.Equal(new RegistryError(RegistryLoader.DevicesFileName, ValidRegistry.LineOf(ValidRegistry.Devices, original), error.Message), error);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"district\": \"Fives\",", "site 'fives': 'district' is missing; it must be the quartier of Lille, or the commune, the site lies in")]
    [InlineData("\"heightAboveGround\": 3.5,", "site 'fives': 'heightAboveGround' is missing; it must be the sensors' height above the ground in metres, from 0 to 100")]
    public void Parse_RequiredSitePropertyMissing_ReportsItOnThePropertiesLine(string line, string expected)
    {
        var sites = ValidRegistry.ReplaceOnce(ValidRegistry.Sites, line, "");

        var error = Assert.Single(ValidRegistry.ParseInvalid(sites: sites).Errors);

        Assert.Equal(ValidRegistry.LineOf(sites, "\"properties\": {"), error.Line);
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Parse_ErrorsInBothFiles_ReportsEveryOneInFileOrder()
    {
        var sites = ValidRegistry.ReplaceOnce(ValidRegistry.Sites, "\"lcz\": \"3\"", "\"lcz\": \"H\"");
        sites = ValidRegistry.ReplaceOnce(sites, "[3.0440, 50.6405, 21.5]", "[3.0440, -91, 21.5]");
        var devices = ValidRegistry.ReplaceOnce(ValidRegistry.Devices, "\"removed\": \"2025-09-15T14:30:00+02:00\"", "\"removed\": \"2024-09-15\"");
        devices = ValidRegistry.ReplaceOnce(devices, "\"rainfall\"]", "\"rain\"]");

        var exception = ValidRegistry.ParseInvalid(sites, devices);

        Assert.Equal(
            [
                ("sites.geojson", ValidRegistry.LineOf(sites, "\"H\"")),
                ("sites.geojson", ValidRegistry.LineOf(sites, "-91")),
                ("devices.json", ValidRegistry.LineOf(devices, "2024-09-15")),
                ("devices.json", ValidRegistry.LineOf(devices, "\"rain\"")),
            ],
            exception.Errors.Select(error => (error.File, error.Line)));
        Assert.Contains($"sites.geojson:{ValidRegistry.LineOf(sites, "\"H\"")}: site 'fives': 'lcz' is \"H\"", exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("The sensor registry is invalid (4 errors):", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeviceAtASiteWithErrors_ReportsOnlyTheSite()
    {
        var sites = ValidRegistry.ReplaceOnce(ValidRegistry.Sites, "\"lcz\": \"3\"", "\"lcz\": \"lcz3\"");

        var error = Assert.Single(ValidRegistry.ParseInvalid(sites: sites).Errors);

        Assert.Equal(RegistryLoader.SitesFileName, error.File);
    }

    [Fact]
    public void Parse_MalformedSitesJson_ReportsTheLineAndStillChecksTheDevices()
    {
        var sites = ValidRegistry.ReplaceOnce(ValidRegistry.Sites, "\"lcz\": \"3\",", "\"lcz\": \"3\"");
        var devices = ValidRegistry.ReplaceOnce(ValidRegistry.Devices, "\"site\": \"fives\"", "\"site\": \"nowhere\"");
        devices = ValidRegistry.ReplaceOnce(devices, "\"rainfall\"]", "\"rain\"]");

        var errors = ValidRegistry.ParseInvalid(sites, devices).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Equal(RegistryLoader.SitesFileName, errors[0].File);
        Assert.Equal(ValidRegistry.LineOf(sites, "\"heightAboveGround\""), errors[0].Line);
        Assert.StartsWith("malformed JSON: ", errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((RegistryLoader.DevicesFileName, ValidRegistry.LineOf(devices, "\"rain\"")), (errors[1].File, errors[1].Line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("{ \"devices\": [] } }")]
    [InlineData("{ \"devices\": [], }")]
    [InlineData("{ \"devices\": [] // none\n}")]
    public void Parse_DevicesFileNotJson_ReportsMalformedJson(string devices)
    {
        var error = Assert.Single(ValidRegistry.ParseInvalid(devices: devices).Errors);

        Assert.Equal(RegistryLoader.DevicesFileName, error.File);
        Assert.StartsWith("malformed JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidUtf8InAString_ReportsMalformedJsonOnItsLine()
    {
        var devices = Encoding.UTF8.GetBytes(ValidRegistry.Devices.Replace("\"co-location\"", "\"co-location?\"", StringComparison.Ordinal));
        devices[Array.IndexOf(devices, (byte)'?')] = 0xFF;

        var exception = Assert.Throws<RegistryException>(() => RegistryLoader.Parse(Encoding.UTF8.GetBytes(ValidRegistry.Sites), devices));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(ValidRegistry.LineOf(ValidRegistry.Devices, "co-location"), error.Line);
        Assert.StartsWith("malformed JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_FilesWithByteOrderMarks_ReadsThem()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];

        var registry = RegistryLoader.Parse([.. bom, .. Encoding.UTF8.GetBytes(ValidRegistry.Sites)], [.. bom, .. Encoding.UTF8.GetBytes(ValidRegistry.Devices)]);

        Assert.Equal(2, registry.Devices.Count);
    }

    [Theory]
    [InlineData("[]", "the file holds an array; it must be a GeoJSON FeatureCollection (RFC 7946)")]
    [InlineData("{ \"type\": \"FeatureCollection\" }", "feature collection: 'features' is missing; it must be an array of Point features, one per site")]
    public void Parse_SitesFileNotAFeatureCollection_ReportsItAndSkipsSiteChecksOfDevices(string sites, string expected)
    {
        var error = Assert.Single(ValidRegistry.ParseInvalid(sites: sites).Errors);

        Assert.Equal((RegistryLoader.SitesFileName, 1), (error.File, error.Line));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownMembersOutsideTheProperties_AreIgnoredAsGeoJsonAllows()
    {
        var sites = ValidRegistry.ReplaceOnce(ValidRegistry.Sites, "\"type\": \"FeatureCollection\",", "\"type\": \"FeatureCollection\", \"bbox\": [3.0, 50.6, 3.1, 50.7], \"name\": \"Lille\",");
        sites = ValidRegistry.ReplaceOnce(sites, "\"geometry\": { \"type\": \"Point\", \"coordinates\": [3.0908, 50.6308] },", "\"id\": 7, \"geometry\": { \"type\": \"Point\", \"coordinates\": [3.0908, 50.6308] },");

        var registry = ValidRegistry.Parse(sites);

        Assert.Equal(["fives", "parc-citadelle"], registry.Sites.Select(site => site.Id));
    }

    [Theory]
    [InlineData("2025-03-01T09:30:00+01:00", 2025, 3, 1, 9, 30, 0, 1)]
    [InlineData("2025-03-01T09:30:00.5-03:00", 2025, 3, 1, 9, 30, 500, -3)]
    [InlineData("2025-03-01T08:30:00Z", 2025, 3, 1, 8, 30, 0, 0)]
    [InlineData("2024-02-29", 2024, 2, 29, 0, 0, 0, 0)]
    public void Parse_InstallationInstant_ReadsDatesAndDateTimesWithOffsets(string installed, int year, int month, int day, int hour, int minute, int millisecond, int offsetHours)
    {
        var devices = ValidRegistry.ReplaceOnce(ValidRegistry.Devices, "\"installed\": \"2025-03-01\"", $"\"installed\": \"{installed}\"");

        var device = ValidRegistry.Parse(devices: devices).Devices[0];

        var expected = new DateTimeOffset(year, month, day, hour, minute, 0, millisecond, TimeSpan.FromHours(offsetHours));
        Assert.Equal((expected, expected.Offset), (device.Installed, device.Installed.Offset));
    }

    [Fact]
    public async Task LoadAsync_InvalidFile_NamesThePathItWasGiven()
    {
        using var folder = new TemporaryFolder();
        var sitesPath = Path.Combine(folder.Path, RegistryLoader.SitesFileName);
        var devicesPath = Path.Combine(folder.Path, RegistryLoader.DevicesFileName);
        await File.WriteAllTextAsync(sitesPath, ValidRegistry.Sites, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(devicesPath, ValidRegistry.Devices.Replace("\"fives\"", "\"nowhere\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var exception = await Assert.ThrowsAsync<RegistryException>(() => RegistryLoader.LoadAsync(sitesPath, devicesPath, TestContext.Current.CancellationToken));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(devicesPath, error.File);
        Assert.StartsWith($"{devicesPath}:5: device 'lille-0001': 'site' is \"nowhere\", which is not the id of a site in {sitesPath}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_MissingFile_ThrowsFileNotFound()
    {
        using var folder = new TemporaryFolder();
        var sitesPath = Path.Combine(folder.Path, RegistryLoader.SitesFileName);
        await File.WriteAllTextAsync(sitesPath, ValidRegistry.Sites, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<FileNotFoundException>(() => RegistryLoader.LoadAsync(sitesPath, Path.Combine(folder.Path, "absent.json"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LoadAsync_ShippedLilleRegistry_IsValidAndHoldsTheSimulatorsFleet()
    {
        (string Id, string District, double Latitude, double Longitude)[] simulatorSites =
        [
            ("vieux-lille", "Vieux-Lille", 50.6433, 3.0606),
            ("lille-centre", "Lille-Centre", 50.6372, 3.0633),
            ("wazemmes", "Wazemmes", 50.6258, 3.0492),
            ("moulins", "Moulins", 50.6194, 3.0669),
            ("fives", "Fives", 50.6308, 3.0908),
            ("lille-sud", "Lille-Sud", 50.6117, 3.0500),
            ("bois-blancs", "Bois-Blancs", 50.6319, 3.0278),
            ("hellemmes", "Hellemmes", 50.6167, 3.1167),
            ("lomme", "Lomme", 50.6358, 3.0142),
            ("parc-citadelle", "Vauban-Esquermes", 50.6405, 3.0440),
            ("jardin-des-plantes", "Moulins", 50.6150, 3.0683),
        ];
        var folder = Path.Combine(RepositoryRoot(), "registry", "lille");

        var registry = await RegistryLoader.LoadAsync(
            Path.Combine(folder, RegistryLoader.SitesFileName),
            Path.Combine(folder, RegistryLoader.DevicesFileName),
            TestContext.Current.CancellationToken);

        Assert.Equal(simulatorSites, registry.Sites.Take(11).Select(site => (site.Id, site.District, site.Latitude, site.Longitude)));
        Assert.Equal(["lille-lesquin"], registry.Sites.Skip(11).Select(site => site.Id));
        Assert.Equal(["parc-citadelle", "lille-lesquin"], registry.ReferenceSites.Select(site => site.Id));
        Assert.Same(LocalClimateZone.LowPlants, registry.Sites[11].LocalClimateZone);
        Assert.All(registry.Sites, site => Assert.InRange(site.HeightAboveGround, 1.5, 4));
        Assert.Equal(23, registry.Devices.Count);
        for (var index = 0; index < 22; index++)
        {
            var device = registry.Devices[index];
            Assert.Equal($"lille-{index + 1:0000}", device.Id);
            Assert.Equal(simulatorSites[index % 11].Id, device.Site.Id);
            // A rain gauge on every third device; an air-quality monitor in Lille-Centre, Fives and Lomme.
            string[] sensors = [.. new[] { "sht31" }, .. index % 3 == 0 ? ["rg"] : Array.Empty<string>(), .. index is 1 or 4 or 8 ? ["aq"] : Array.Empty<string>()];
            Assert.Equal(sensors, device.Sensors.Select(sensor => sensor.Name));
            Assert.Equal([Quantities.AirTemperature, Quantities.RelativeHumidity], device.Sensors[0].Quantities);
            Assert.All(device.Sensors.Where(sensor => sensor.Name == "rg"), gauge => Assert.Equal([Quantities.RainGaugeTips, Quantities.RainfallDepth], gauge.Quantities));
            Assert.All(device.Sensors.Where(sensor => sensor.Name == "aq"), monitor => Assert.Equal([Quantities.Pm25, Quantities.Pm10, Quantities.NitrogenDioxide, Quantities.Ozone], monitor.Quantities));
        }

        var lesquin = registry.Devices[22];
        Assert.Equal(("lesquin-ref-01", "lille-lesquin"), (lesquin.Id, lesquin.Site.Id));
        Assert.All(registry.Devices, device => Assert.Equal((2025, null), (device.Installed.Year, device.Removed)));
        Assert.Contains(registry.Devices, device => device.Sensors.Any(sensor => sensor.Calibrations.Count > 0));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(folder.FullName, "UrbanSensing.sln")))
        {
            folder = folder.Parent ?? throw new DirectoryNotFoundException($"No UrbanSensing.sln above {AppContext.BaseDirectory}.");
        }

        return folder.FullName;
    }
}
