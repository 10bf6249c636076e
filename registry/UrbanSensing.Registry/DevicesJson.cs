using System.Text.Json;
using UrbanSensing.Protocol;

namespace UrbanSensing.Registry;

/// <summary>
/// The devices file: <c>{ "devices": [ ... ] }</c>, one object per device with its site, installation and removal
/// instants and sensors. Every member is ours, so an unknown one, most likely a misspelt optional field, is an error.
/// </summary>
public static class DevicesJson
{
    private const string IdExpectation = "the device's identifier: 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit";
    private const string SensorNameExpectation = "the sensor's name in readings, an identifier such as \"sht31\"";
    private const string FactorExpectation = "a finite number other than zero; corrected = raw × factor + offset (default 1)";

    private static readonly string[] DeviceFieldNames = ["id", "site", "installed", "removed", "sensors"];
    private static readonly string[] SensorFieldNames = ["name", "quantities", "calibration"];
    private static readonly string[] CalibrationFieldNames = ["factor", "offset", "note"];

    /// <summary>Writes the devices as the devices file reads them, for the API to serve; the caller flushes.</summary>
    public static void Write(IEnumerable<Device> devices, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartArray("devices");
        foreach (var device in devices)
        {
            writer.WriteStartObject();
            writer.WriteString("id", device.Id);
            writer.WriteString("site", device.Site.Id);
            writer.WriteString("installed", RegistryDates.Format(device.Installed));
            if (device.Removed is { } removed)
            {
                writer.WriteString("removed", RegistryDates.Format(removed));
            }
            else
            {
                writer.WriteNull("removed");
            }

            writer.WriteStartArray("sensors");
            foreach (var sensor in device.Sensors)
            {
                WriteSensor(sensor, writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Reads the devices, reporting every error; devices refer to <paramref name="sites"/>, which is
    /// <see langword="null"/> when the sites file could not be read, and then sites are not checked.
    /// </summary>
    internal static IReadOnlyList<Device> Read(ReadOnlySpan<byte> utf8, SitesReading? sites, string sitesFile, ErrorCollector errors)
    {
        var root = SourceValue.Read(utf8, errors);
        if (root is null)
        {
            return [];
        }

        if (root.Kind != JsonValueKind.Object)
        {
            errors.Add(root.Line, $"the file holds {root.KindName}; it must be an object {{ \"devices\": [...] }}");
            return [];
        }

        var file = new ObjectFields(root, "devices file", errors);
        var items = file.RequiredArray("devices", "an array of devices");
        file.RejectUnknown("devices");
        if (items is null)
        {
            return [];
        }

        var context = new DeviceContext(sites, sites?.Sites.ToDictionary(site => site.Id, StringComparer.Ordinal) ?? [], sitesFile, errors);
        var devices = new List<Device>();
        foreach (var item in items.Items)
        {
            if (ReadDevice(item, context) is { } device)
            {
                devices.Add(device);
            }
        }

        return devices;
    }

    private static void WriteSensor(DeviceSensor sensor, Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", sensor.Name);
        writer.WriteStartArray("quantities");
        foreach (var quantity in sensor.Quantities)
        {
            writer.WriteStringValue(quantity.Name);
        }

        writer.WriteEndArray();
        if (sensor.Calibrations.Count > 0)
        {
            writer.WriteStartObject("calibration");
            foreach (var quantity in sensor.Quantities.Where(sensor.Calibrations.ContainsKey))
            {
                var calibration = sensor.Calibrations[quantity];
                writer.WriteStartObject(quantity.Name);
                writer.WriteNumber("factor", calibration.Factor);
                writer.WriteNumber("offset", calibration.Offset);
                if (calibration.Note is not null)
                {
                    writer.WriteString("note", calibration.Note);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static Device? ReadDevice(SourceValue item, DeviceContext context)
    {
        var errors = context.Errors;
        if (item.Kind != JsonValueKind.Object)
        {
            errors.Add(item.Line, $"device: it is {item.KindName}; each item of 'devices' must be an object");
            return null;
        }

        var before = errors.Count;
        var fields = new ObjectFields(item, "device", errors);
        var id = fields.RequiredIdentifier("id", IdExpectation);
        if (id is not null)
        {
            fields.Subject = $"device '{id}'";
            if (!context.DeviceIdLines.TryAdd(id, fields.LineOf("id")))
            {
                fields.Add(fields.LineOf("id"), $"the id is already used by the device on line {context.DeviceIdLines[id]}; each device has its own id");
            }
        }

        var siteId = fields.RequiredIdentifier("site", $"the id of a site in {context.SitesFile}");
        if (siteId is not null && context.Sites is { } sites && !sites.DeclaredIds.Contains(siteId))
        {
            fields.Add(fields.LineOf("site"), $"'site' is \"{siteId}\", which is not the id of a site in {context.SitesFile}");
        }

        var installed = ReadInstant(fields, "installed", required: true);
        var removed = ReadInstant(fields, "removed", required: false);
        if (installed is { } from && removed is { } to && to <= from)
        {
            fields.Add(fields.LineOf("removed"), $"'removed' ({RegistryDates.Format(to)}) is not after 'installed' ({RegistryDates.Format(from)}); a device is removed after it is installed");
        }

        var sensors = ReadSensors(fields, errors);
        fields.RejectUnknown(DeviceFieldNames);
        if (errors.Count != before || id is null || siteId is null || installed is not { } installedAt
            || !context.SitesById.TryGetValue(siteId, out var site))
        {
            return null;
        }

        return new Device(id, site, installedAt, removed, sensors);
    }

    private static DateTimeOffset? ReadInstant(ObjectFields fields, string name, bool required)
    {
        var text = required ? fields.RequiredString(name, RegistryDates.Expectation) : fields.OptionalString(name, RegistryDates.Expectation);
        if (text is null)
        {
            return null;
        }

        if (!RegistryDates.TryParse(text, out var instant))
        {
            fields.Add(fields.LineOf(name), $"'{name}' is \"{text}\", which is not a date; it must be {RegistryDates.Expectation}");
            return null;
        }

        return instant;
    }

    private static List<DeviceSensor> ReadSensors(ObjectFields device, ErrorCollector errors)
    {
        var sensors = new List<DeviceSensor>();
        var items = device.RequiredArray("sensors", "an array of the device's sensors");
        if (items is null)
        {
            return sensors;
        }

        if (items.Items.Count == 0)
        {
            device.Add(items.Line, "'sensors' is empty; a device has at least one sensor");
        }

        var nameLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in items.Items)
        {
            if (ReadSensor(item, device.Subject, nameLines, errors) is { } sensor)
            {
                sensors.Add(sensor);
            }
        }

        return sensors;
    }

    private static DeviceSensor? ReadSensor(SourceValue item, string device, Dictionary<string, int> nameLines, ErrorCollector errors)
    {
        if (item.Kind != JsonValueKind.Object)
        {
            errors.Add(item.Line, $"{device}: a sensor is {item.KindName}; each item of 'sensors' must be an object");
            return null;
        }

        var before = errors.Count;
        var fields = new ObjectFields(item, $"{device}, sensor", errors);
        var name = fields.RequiredIdentifier("name", SensorNameExpectation);
        if (name is not null)
        {
            fields.Subject = $"{device}, sensor '{name}'";
            if (!nameLines.TryAdd(name, fields.LineOf("name")))
            {
                fields.Add(fields.LineOf("name"), $"the device already has a sensor by this name, on line {nameLines[name]}; name each sensor of a device once (two sensors may measure the same quantity under different names)");
            }
        }

        var beforeQuantities = errors.Count;
        var quantities = ReadQuantities(fields);

        // Against a list with errors, calibrations would be reported for the list's mistakes a second time.
        var calibrations = ReadCalibrations(fields, errors.Count == beforeQuantities ? quantities : null, errors);
        fields.RejectUnknown(SensorFieldNames);
        return errors.Count != before || name is null ? null : new DeviceSensor(name, quantities, calibrations);
    }

    private static List<Quantity> ReadQuantities(ObjectFields sensor)
    {
        var quantities = new List<Quantity>();
        var expectation = $"an array of the quantities the sensor measures, each once, among: {Quantities.KnownNames}";
        var items = sensor.RequiredArray("quantities", expectation);
        if (items is null)
        {
            return quantities;
        }

        if (items.Items.Count == 0)
        {
            sensor.Add(items.Line, "'quantities' is empty; a sensor measures at least one quantity");
        }

        foreach (var item in items.Items)
        {
            if (item.Kind != JsonValueKind.String)
            {
                sensor.Add(item.Line, $"'quantities' holds {item.KindName}; it must be {expectation}");
            }
            else if (!Quantities.TryGet(item.Text, out var quantity))
            {
                sensor.Add(item.Line, $"'quantities' holds \"{item.Text}\", which is not a known quantity; the quantities are: {Quantities.KnownNames}");
            }
            else if (quantities.Contains(quantity))
            {
                sensor.Add(item.Line, $"'quantities' lists \"{item.Text}\" twice; list each quantity once");
            }
            else
            {
                quantities.Add(quantity);
            }
        }

        return quantities;
    }

    private static Dictionary<Quantity, Calibration> ReadCalibrations(ObjectFields sensor, List<Quantity>? measured, ErrorCollector errors)
    {
        var calibrations = new Dictionary<Quantity, Calibration>();
        var value = sensor.OptionalObject("calibration", "an object whose members are quantities the sensor lists, each { \"factor\": ..., \"offset\": ... }");
        if (value is null)
        {
            return calibrations;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.Properties)
        {
            if (!names.Add(property.Name))
            {
                sensor.Add(property.Line, $"'calibration' has \"{property.Name}\" twice; calibrate each quantity once");
            }
            else if (!Quantities.TryGet(property.Name, out var quantity))
            {
                sensor.Add(property.Line, $"'calibration' has \"{property.Name}\", which is not a known quantity; the quantities are: {Quantities.KnownNames}");
            }
            else if (measured is not null && !measured.Contains(quantity))
            {
                sensor.Add(property.Line, $"'calibration' has \"{property.Name}\", which the sensor does not list in 'quantities' ({string.Join(", ", measured)}); calibrate only what it measures");
            }
            else if (ReadCalibration(property, quantity, sensor.Subject, errors) is { } calibration)
            {
                calibrations.Add(quantity, calibration);
            }
        }

        return calibrations;
    }

    private static Calibration? ReadCalibration(SourceProperty property, Quantity quantity, string sensor, ErrorCollector errors)
    {
        if (property.Value.Kind != JsonValueKind.Object)
        {
            errors.Add(property.Value.Line, $"{sensor}: the calibration of \"{quantity}\" is {property.Value.KindName}; it must be an object with 'factor', 'offset' or both");
            return null;
        }

        var fields = new ObjectFields(property.Value, $"{sensor}, calibration of \"{quantity}\"", errors);
        var factor = fields.OptionalNumber("factor", FactorExpectation) ?? 1;
        if (factor == 0)
        {
            fields.Add(fields.LineOf("factor"), $"'factor' is 0; it must be {FactorExpectation}");
        }

        var offset = fields.OptionalNumber("offset", $"a finite number in {quantity.Unit}, the quantity's unit, added after the factor (default 0)") ?? 0;
        var note = fields.OptionalString("note", "text saying where the correction comes from");
        fields.RejectUnknown(CalibrationFieldNames);
        return factor == 0 ? null : new Calibration(factor, offset, note);
    }

    /// <summary>What reading every device of the file needs.</summary>
    private sealed record DeviceContext(SitesReading? Sites, Dictionary<string, Site> SitesById, string SitesFile, ErrorCollector Errors)
    {
        public Dictionary<string, int> DeviceIdLines { get; } = new(StringComparer.Ordinal);
    }
}
