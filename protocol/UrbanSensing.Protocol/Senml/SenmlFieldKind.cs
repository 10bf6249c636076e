namespace UrbanSensing.Protocol.Senml;

internal enum SenmlFieldKind
{
    Number,
    Text,
    Boolean,
    Data,
    Other,
}
