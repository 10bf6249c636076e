using System.Text;
using System.Text.Json;

namespace UrbanSensing.Analytics.Heat.Spatial;

/// <summary>
/// An interpolated grid as a GeoJSON FeatureCollection (RFC 7946): one Feature per cell, with properties
/// <c>row</c>, <c>column</c> and <c>value</c> (<see langword="null"/> where nothing was estimated); positions are
/// [longitude, latitude] in WGS84.
/// </summary>
public static class GridGeoJson
{
    public static void Write(InterpolatedGrid grid, Utf8JsonWriter writer, GridGeometry geometry = GridGeometry.CellPolygons)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(writer);
        if (!Enum.IsDefined(geometry))
        {
            throw new ArgumentOutOfRangeException(nameof(geometry), geometry, "The geometry must be CellCentres or CellPolygons.");
        }

        writer.WriteStartObject();
        writer.WriteString("type", "FeatureCollection");
        writer.WriteStartArray("features");
        foreach (var cell in grid.Cells)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "Feature");
            writer.WriteStartObject("geometry");
            if (geometry == GridGeometry.CellCentres)
            {
                writer.WriteString("type", "Point");
                writer.WritePropertyName("coordinates");
                WritePosition(writer, cell.CentreLongitude, cell.CentreLatitude);
            }
            else
            {
                writer.WriteString("type", "Polygon");
                writer.WriteStartArray("coordinates");
                writer.WriteStartArray();
                WritePosition(writer, cell.West, cell.South);
                WritePosition(writer, cell.East, cell.South);
                WritePosition(writer, cell.East, cell.North);
                WritePosition(writer, cell.West, cell.North);
                WritePosition(writer, cell.West, cell.South);
                writer.WriteEndArray();
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WriteStartObject("properties");
            writer.WriteNumber("row", cell.Row);
            writer.WriteNumber("column", cell.Column);
            if (cell.Value is { } value)
            {
                writer.WriteNumber("value", value);
            }
            else
            {
                writer.WriteNull("value");
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the collection as UTF-8 to <paramref name="stream"/>, which stays open.</summary>
    public static void Write(InterpolatedGrid grid, Stream stream, GridGeometry geometry = GridGeometry.CellPolygons)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream);
        Write(grid, writer, geometry);
    }

    public static string ToJson(InterpolatedGrid grid, GridGeometry geometry = GridGeometry.CellPolygons)
    {
        using var buffer = new MemoryStream();
        Write(grid, buffer, geometry);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WritePosition(Utf8JsonWriter writer, double longitude, double latitude)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(longitude);
        writer.WriteNumberValue(latitude);
        writer.WriteEndArray();
    }
}
