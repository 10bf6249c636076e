namespace UrbanSensing.Firmware;

/// <summary>One encoded SenML message waiting for the broker.</summary>
internal sealed record OutboxMessage(byte[] Payload, int ReadingCount, long FirstSequence, long LastSequence);
