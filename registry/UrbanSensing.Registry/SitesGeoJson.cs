using System.Text.Json;

namespace UrbanSensing.Registry;

/// <summary>
/// The sites file: a GeoJSON FeatureCollection (RFC 7946) with one Point feature per site, its fields in the
/// feature's properties. Members GeoJSON allows beside ours ("bbox", foreign members) are ignored; the properties
/// are ours, so an unknown one, most likely a misspelt optional field, is an error.
/// </summary>
public static class SitesGeoJson
{
    private const string IdExpectation = "the site's identifier: 1 to 64 letters, digits, '-', '_' or '.', starting with a letter or digit";
    private const string PropertiesExpectation = "an object with the site's 'id', 'name', 'district', 'lcz' and 'heightAboveGround'";
    private const string GeometryExpectation = "a Point geometry: { \"type\": \"Point\", \"coordinates\": [longitude, latitude] }";
    private const string CoordinatesExpectation = "[longitude, latitude] or [longitude, latitude, elevation]: WGS84 degrees, longitude first, and metres";
    private const string LczExpectation = "a local climate zone code of Stewart and Oke (2012): \"1\" to \"10\" for the built types, \"A\" to \"G\" for the land cover types";
    private const string HeightExpectation = "the sensors' height above the ground in metres, from 0 to 100";
    private const double MaximumHeightAboveGround = 100;

    private static readonly string[] PropertyNames = ["id", "name", "district", "lcz", "heightAboveGround", "surroundings", "reference"];

    /// <summary>Writes the sites as the sites file reads them, for the API to serve and maps to draw; the caller flushes.</summary>
    public static void Write(IEnumerable<Site> sites, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var site in sites)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteStartObject("geometry");
            writer.WriteString("type", "Point");
            writer.WriteStartArray("coordinates");
            writer.WriteNumberValue(site.Longitude);
            writer.WriteNumberValue(site.Latitude);
            if (site.Elevation is { } elevation)
            {
                writer.WriteNumberValue(elevation);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteString("id", site.Id);
            writer.WriteString("name", site.Name);
            writer.WriteString("district", site.District);
            writer.WriteString("lcz", site.LocalClimateZone.Code);
            writer.WriteNumber("heightAboveGround", site.HeightAboveGround);
            if (site.Surroundings is not null)
            {
                writer.WriteString("surroundings", site.Surroundings);
            }

            writer.WriteBoolean("reference", site.IsReference);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Reads the sites, reporting every error; <see langword="null"/> when the file is not a feature collection at all.</summary>
    internal static SitesReading? Read(ReadOnlySpan<byte> utf8, ErrorCollector errors)
    {
        var root = SourceValue.Read(utf8, errors);
        if (root is null)
        {
            return null;
        }

        if (root.Kind != JsonValueKind.Object)
        {
            errors.Add(root.Line, $"the file holds {root.KindName}; it must be a GeoJSON FeatureCollection (RFC 7946): {{ \"type\": \"FeatureCollection\", \"features\": [...] }}");
            return null;
        }

        var collection = new ObjectFields(root, "feature collection", errors);
        RequireType(collection, "FeatureCollection");
        var features = collection.RequiredArray("features", "an array of Point features, one per site");
        if (features is null)
        {
            return null;
        }

        var sites = new List<Site>();
        var idLines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var feature in features.Items)
        {
            if (ReadFeature(feature, errors, idLines) is { } site)
            {
                sites.Add(site);
            }
        }

        return new SitesReading(sites, idLines.Keys.ToHashSet(StringComparer.Ordinal));
    }

    private static Site? ReadFeature(SourceValue feature, ErrorCollector errors, Dictionary<string, int> idLines)
    {
        if (feature.Kind != JsonValueKind.Object)
        {
            errors.Add(feature.Line, $"feature: it is {feature.KindName}; each item of 'features' must be a GeoJSON Feature object");
            return null;
        }

        var before = errors.Count;
        var fields = new ObjectFields(feature, "feature", errors);
        var propertiesValue = fields.RequiredObject("properties", PropertiesExpectation);
        var properties = propertiesValue is null ? null : new ObjectFields(propertiesValue, fields.Subject, errors);
        var id = properties?.RequiredIdentifier("id", IdExpectation);
        if (properties is not null && id is not null)
        {
            fields.Subject = properties.Subject = $"site '{id}'";
            if (!idLines.TryAdd(id, properties.LineOf("id")))
            {
                properties.Add(properties.LineOf("id"), $"the id is already used by the site on line {idLines[id]}; each site has its own id");
            }
        }

        RequireType(fields, "Feature");
        var position = ReadPosition(fields, errors);
        var name = RequiredText(properties, "name", "the name a person reads on a map");
        var district = RequiredText(properties, "district", "the quartier of Lille, or the commune, the site lies in");
        var zone = ReadZone(properties);
        var height = ReadHeight(properties);
        var surroundings = properties?.OptionalString("surroundings", "text saying what lies around the sensors");
        var isReference = properties?.OptionalBoolean("reference", "true for a rural or park site that urban sites are compared with, false otherwise") ?? false;
        properties?.RejectUnknown(PropertyNames);
        if (errors.Count != before || id is null || position is not var (longitude, latitude, elevation) || name is null
            || district is null || zone is null || height is not { } heightAboveGround)
        {
            return null;
        }

        return new Site(id, name, district, latitude, longitude, elevation, zone, heightAboveGround, surroundings, isReference);
    }

    private static (double Longitude, double Latitude, double? Elevation)? ReadPosition(ObjectFields feature, ErrorCollector errors)
    {
        var geometryValue = feature.RequiredObject("geometry", GeometryExpectation);
        if (geometryValue is null)
        {
            return null;
        }

        var geometry = new ObjectFields(geometryValue, feature.Subject, errors);
        RequireType(geometry, "Point", "a site is a point");
        var coordinates = geometry.RequiredArray("coordinates", CoordinatesExpectation);
        if (coordinates is null)
        {
            return null;
        }

        if (coordinates.Items.Count is not (2 or 3))
        {
            var count = coordinates.Items.Count == 1 ? "1 value" : $"{coordinates.Items.Count} values";
            geometry.Add(coordinates.Line, $"'coordinates' holds {count}; it must be {CoordinatesExpectation}");
            return null;
        }

        var before = errors.Count;
        for (var index = 0; index < coordinates.Items.Count; index++)
        {
            var item = coordinates.Items[index];
            if (item.Kind != JsonValueKind.Number || !double.IsFinite(item.Number))
            {
                geometry.Add(item.Line, $"coordinate {index + 1} is {item.KindName}; 'coordinates' must be {CoordinatesExpectation}");
            }
        }

        if (errors.Count != before)
        {
            return null;
        }

        var longitude = coordinates.Items[0].Number;
        var latitude = coordinates.Items[1].Number;
        if (longitude is < -180 or > 180)
        {
            geometry.Add(coordinates.Items[0].Line, $"longitude {longitude} is outside -180 to 180 degrees; 'coordinates' are [longitude, latitude], longitude first");
        }

        if (latitude is < -90 or > 90)
        {
            geometry.Add(coordinates.Items[1].Line, $"latitude {latitude} is outside -90 to 90 degrees; 'coordinates' are [longitude, latitude], longitude first");
        }

        return errors.Count != before ? null : (longitude, latitude, coordinates.Items.Count == 3 ? coordinates.Items[2].Number : null);
    }

    private static string? RequiredText(ObjectFields? properties, string name, string expectation)
    {
        var text = properties?.RequiredString(name, expectation);
        if (properties is not null && text is not null && string.IsNullOrWhiteSpace(text))
        {
            properties.Add(properties.LineOf(name), $"'{name}' is blank; it must be {expectation}");
            return null;
        }

        return text;
    }

    private static LocalClimateZone? ReadZone(ObjectFields? properties)
    {
        var code = properties?.RequiredString("lcz", LczExpectation);
        if (properties is null || code is null)
        {
            return null;
        }

        if (!LocalClimateZone.TryParse(code, out var zone))
        {
            properties.Add(properties.LineOf("lcz"), $"'lcz' is \"{code}\", which is not a local climate zone; it must be {LczExpectation}");
        }

        return zone;
    }

    private static double? ReadHeight(ObjectFields? properties)
    {
        var height = properties?.RequiredNumber("heightAboveGround", HeightExpectation);
        if (properties is not null && height is < 0 or > MaximumHeightAboveGround)
        {
            properties.Add(properties.LineOf("heightAboveGround"), $"'heightAboveGround' is {height}; it must be {HeightExpectation}");
            return null;
        }

        return height;
    }

    private static void RequireType(ObjectFields fields, string expected, string? why = null)
    {
        var type = fields.RequiredString("type", $"\"{expected}\"");
        if (type is not null && type != expected)
        {
            fields.Add(fields.LineOf("type"), $"'type' is \"{type}\"; it must be \"{expected}\"{(why is null ? "" : $" ({why})")}");
        }
    }
}
