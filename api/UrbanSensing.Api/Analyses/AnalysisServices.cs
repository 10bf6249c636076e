using Microsoft.AspNetCore.Http;
using UrbanSensing.Registry;
using UrbanSensing.Storage;
using AnalysesOfReadings = UrbanSensing.Analytics.Reports.Analyses;

namespace UrbanSensing.Api.Analyses;

/// <summary>What every <c>/api/v1/analyses</c> endpoint is given besides its query: the request and the service's store, registry and clock.</summary>
internal sealed record AnalysisServices(HttpRequest Request, IReadingStore Store, SensorRegistry Registry, TimeProvider TimeProvider)
{
    /// <summary>The analyses over the service's own store.</summary>
    public AnalysesOfReadings Analyses => new(new StoreAnalysisReadings(Store, Registry), Registry);
}
