namespace UrbanSensing.Protocol.Senml;

public enum SenmlRepresentation
{
    Json,
    Cbor,
}
