namespace UrbanSensing.Ingestion;

/// <summary>What the decoder made of one inbound message.</summary>
public abstract record DecodedMessage(InboundMessage Message);
