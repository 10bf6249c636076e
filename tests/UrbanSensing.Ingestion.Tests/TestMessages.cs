using UrbanSensing.Protocol;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Ingestion.Tests;

/// <summary>Builds inbound messages and counts their acknowledgements.</summary>
internal sealed class TestMessages
{
    public static readonly DateTimeOffset Start = new(2026, 7, 14, 3, 0, 0, TimeSpan.Zero);

    private int _acknowledged;
    private long _sequence;

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>A valid telemetry message with <paramref name="readings"/> air temperatures from <paramref name="deviceId"/>.</summary>
    public InboundMessage Telemetry(string deviceId = "fives-01", int readings = 2, SenmlRepresentation representation = SenmlRepresentation.Json)
    {
        var pack = Enumerable.Range(0, readings)
            .Select(_ =>
            {
                var sequence = _sequence++;
                return new Reading(deviceId, "sht31", Quantities.AirTemperature, Start.AddSeconds(sequence), 20 + (sequence % 7), sequence);
            })
            .ToList();
        return Message(Topics.Telemetry(deviceId), SenmlPayload.Encode(SenmlReadings.ToPack(pack), representation), SenmlPayload.ContentType(representation));
    }

    public InboundMessage Message(string topic, byte[] payload, string? contentType = null) =>
        new(topic, payload, contentType, Start, _ =>
        {
            Interlocked.Increment(ref _acknowledged);
            return Task.CompletedTask;
        });
}
