namespace UrbanSensing.Protocol.Senml;

/// <summary>Decodes a SenML payload in either representation, chosen by content type or, failing that, by its first byte.</summary>
public static class SenmlPayload
{
    public static SenmlRepresentation Detect(ReadOnlySpan<byte> payload, string? contentType)
    {
        if (string.Equals(contentType, SenmlJson.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return SenmlRepresentation.Json;
        }

        if (string.Equals(contentType, SenmlCbor.ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return SenmlRepresentation.Cbor;
        }

        // A CBOR array starts with major type 4 (0x80 to 0x9f); JSON starts with '[' or whitespace.
        return !payload.IsEmpty && payload[0] is >= 0x80 and <= 0x9f ? SenmlRepresentation.Cbor : SenmlRepresentation.Json;
    }

    /// <exception cref="SenmlFormatException">The payload is not a SenML pack in that representation.</exception>
    public static IReadOnlyList<SenmlRecord> Decode(ReadOnlyMemory<byte> payload, string? contentType) =>
        Detect(payload.Span, contentType) == SenmlRepresentation.Cbor
            ? SenmlCbor.Decode(payload)
            : SenmlJson.Decode(payload.Span);

    public static byte[] Encode(IReadOnlyList<SenmlRecord> pack, SenmlRepresentation representation) =>
        representation == SenmlRepresentation.Cbor ? SenmlCbor.Encode(pack) : SenmlJson.Encode(pack);

    public static string ContentType(SenmlRepresentation representation) =>
        representation == SenmlRepresentation.Cbor ? SenmlCbor.ContentType : SenmlJson.ContentType;
}
