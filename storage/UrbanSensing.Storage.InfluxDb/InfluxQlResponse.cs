using System.Text.Json;
using UrbanSensing.Protocol;

namespace UrbanSensing.Storage.InfluxDb;

/// <summary>Reads the readings out of the JSON answer of <c>/query</c> to <see cref="InfluxQl.SelectReadings"/>, asked with <c>epoch=ns</c>.</summary>
/// <remarks>
/// The answer is <c>{"results":[{"series":[{"name","tags","columns","values":[[time,value,seq],…]}]}]}</c>; an error
/// comes as an <c>error</c> member of the answer or of a result, the latter with status 200.
/// </remarks>
internal static class InfluxQlResponse
{
    public static List<Reading> ReadReadings(ReadOnlySpan<byte> json)
    {
        var readings = new List<Reading>();
        var reader = new Utf8JsonReader(json);
        Read(ref reader);
        Require(ref reader, JsonTokenType.StartObject);
        while (NextProperty(ref reader) is { } property)
        {
            switch (property)
            {
                case "results":
                    ReadResults(ref reader, readings);
                    break;
                case "error":
                    throw Refused(reader.GetString());
                default:
                    reader.Skip();
                    break;
            }
        }

        return readings;
    }

    private static void ReadResults(ref Utf8JsonReader reader, List<Reading> readings)
    {
        Require(ref reader, JsonTokenType.StartArray);
        while (NextElement(ref reader))
        {
            Require(ref reader, JsonTokenType.StartObject);
            while (NextProperty(ref reader) is { } property)
            {
                switch (property)
                {
                    case "series":
                        Require(ref reader, JsonTokenType.StartArray);
                        while (NextElement(ref reader))
                        {
                            ReadSeries(ref reader, readings);
                        }

                        break;
                    case "error":
                        throw Refused(reader.GetString());
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
    }

    private static void ReadSeries(ref Utf8JsonReader reader, List<Reading> readings)
    {
        Require(ref reader, JsonTokenType.StartObject);
        string? measurement = null;
        string? deviceId = null;
        string? sensor = null;
        string? quantityName = null;
        int[]? columns = null;
        while (NextProperty(ref reader) is { } property)
        {
            switch (property)
            {
                case "name":
                    measurement = reader.GetString();
                    break;
                case "tags":
                    Require(ref reader, JsonTokenType.StartObject);
                    while (NextProperty(ref reader) is { } tag)
                    {
                        switch (tag)
                        {
                            case "device":
                                deviceId = reader.GetString();
                                break;
                            case "sensor":
                                sensor = reader.GetString();
                                break;
                            case "quantity":
                                quantityName = reader.GetString();
                                break;
                            default:
                                reader.Skip();
                                break;
                        }
                    }

                    break;
                case "columns":
                    columns = ReadColumns(ref reader);
                    break;
                case "values":
                    if (columns is null || measurement is null)
                    {
                        throw Malformed("a series lists its values before its name and columns");
                    }

                    var quantity = Resolve(measurement, deviceId, sensor, quantityName);
                    ReadRows(ref reader, columns, deviceId!, sensor!, quantity, readings);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    /// <summary>For each column, 0 for time, 1 for value, 2 for seq, -1 for any other.</summary>
    private static int[] ReadColumns(ref Utf8JsonReader reader)
    {
        Require(ref reader, JsonTokenType.StartArray);
        var columns = new List<int>(3);
        while (NextElement(ref reader))
        {
            columns.Add(reader.GetString() switch
            {
                "time" => 0,
                "value" => 1,
                "seq" => 2,
                _ => -1,
            });
        }

        if (!columns.Contains(0) || !columns.Contains(1))
        {
            throw Malformed("a series has no time or no value column");
        }

        return [.. columns];
    }

    private static void ReadRows(
        ref Utf8JsonReader reader,
        int[] columns,
        string deviceId,
        string sensor,
        Quantity quantity,
        List<Reading> readings)
    {
        Require(ref reader, JsonTokenType.StartArray);
        while (NextElement(ref reader))
        {
            Require(ref reader, JsonTokenType.StartArray);
            long? time = null;
            double? value = null;
            long? sequence = null;
            var column = 0;
            while (NextElement(ref reader))
            {
                if (column >= columns.Length)
                {
                    throw Malformed("a row has more values than its series has columns");
                }

                if (reader.TokenType != JsonTokenType.Null)
                {
                    switch (columns[column])
                    {
                        case 0:
                            time = reader.GetInt64();
                            break;
                        case 1:
                            value = reader.GetDouble();
                            break;
                        case 2:
                            sequence = reader.GetInt64();
                            break;
                        default:
                            reader.Skip();
                            break;
                    }
                }

                column++;
            }

            if (time is null || value is null)
            {
                throw new InvalidOperationException(
                    $"The store holds a point of device '{deviceId}', sensor '{sensor}', quantity '{quantity.Name}' without a time or a value.");
            }

            readings.Add(new Reading(
                deviceId,
                sensor,
                quantity,
                DateTimeOffset.UnixEpoch.AddTicks(time.Value / 100),
                value.Value,
                sequence));
        }
    }

    private static Quantity Resolve(string measurement, string? deviceId, string? sensor, string? quantityName)
    {
        if (string.IsNullOrEmpty(deviceId) || string.IsNullOrEmpty(sensor) || string.IsNullOrEmpty(quantityName))
        {
            throw new InvalidOperationException(
                $"The store holds points in measurement '{measurement}' without a device, sensor or quantity tag.");
        }

        if (!Quantities.TryGet(quantityName, out var quantity))
        {
            throw new InvalidOperationException(
                $"The store holds a reading of device '{deviceId}', sensor '{sensor}' with the unknown quantity " +
                $"'{quantityName}'; known quantities are {Quantities.KnownNames}.");
        }

        if (LineProtocol.Measurement(quantity.Domain) != measurement)
        {
            throw new InvalidOperationException(
                $"The store holds a reading of device '{deviceId}', sensor '{sensor}', quantity '{quantityName}' in measurement " +
                $"'{measurement}', but that quantity belongs in '{LineProtocol.Measurement(quantity.Domain)}'.");
        }

        return quantity;
    }

    /// <summary>Moves to the next property of the current object and onto its value; null at the end of the object.</summary>
    private static string? NextProperty(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            return null;
        }

        var name = reader.GetString();
        Read(ref reader);
        return name;
    }

    /// <summary>Moves onto the next element of the current array; false at the end of the array.</summary>
    private static bool NextElement(ref Utf8JsonReader reader)
    {
        Read(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    private static void Require(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type)
        {
            throw Malformed($"expected {type} but found {reader.TokenType}");
        }
    }

    private static void Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw Malformed("the answer ends early");
        }
    }

    private static InvalidOperationException Refused(string? error) =>
        new($"InfluxDB refused the query: {error}");

    private static InvalidOperationException Malformed(string what) =>
        new($"InfluxDB answered the query with unexpected JSON: {what}.");
}
