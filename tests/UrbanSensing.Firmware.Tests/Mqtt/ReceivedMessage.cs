namespace UrbanSensing.Firmware.Tests.Mqtt;

internal sealed record ReceivedMessage(string Topic, byte[] Payload, string? ContentType, bool Retain, int QualityOfService);
