using UrbanSensing.Ingestion.Mqtt;
using UrbanSensing.Simulator;
using UrbanSensing.Storage.DuckDb;

namespace UrbanSensing.Cli;

/// <summary>What runs where, as printed when the system has started.</summary>
internal sealed record RunSummary(ApiOptions Api, DuckDbStoreOptions Store, EmbeddedBrokerOptions Broker, FleetOptions Fleet);
