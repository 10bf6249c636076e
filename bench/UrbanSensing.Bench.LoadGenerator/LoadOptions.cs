using UrbanSensing.Bench.Shared;
using UrbanSensing.Protocol.Senml;

namespace UrbanSensing.Bench.LoadGenerator;

/// <param name="MessagesPerSecond">Total rate over all connections; 0 publishes as fast as the in-flight bound allows.</param>
/// <param name="MaxInFlightPerConnection">Publishes awaiting their PUBACK at once on one connection.</param>
internal sealed record LoadOptions(
    BrokerEndpoint Broker,
    int Devices,
    int Connections,
    double MessagesPerSecond,
    TimeSpan Duration,
    long StartSequence,
    SenmlRepresentation Representation,
    int MaxInFlightPerConnection);
