using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UrbanSensing.Protocol;
using UrbanSensing.Registry;
using UrbanSensing.Storage;

namespace UrbanSensing.Api.Registry;

/// <summary>What the network is made of: sites (GeoJSON), devices, sensors, quantities and local climate zones.</summary>
internal static class RegistryEndpoints
{
    public const string GeoJsonContentType = "application/geo+json";

    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder api)
    {
        api.MapGet("/sites", GetSites)
            .WithName("GetSites")
            .WithSummary("Every site of the registry as a GeoJSON FeatureCollection (RFC 7946): coordinates, district, local climate zone, sensor height, surroundings, reference flag.")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonContentType);
        api.MapGet("/sites/{id}", GetSite)
            .WithName("GetSite")
            .WithSummary("One site as a GeoJSON FeatureCollection of one feature.")
            .Produces(StatusCodes.Status200OK, contentType: GeoJsonContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/devices", GetDevicesAsync)
            .WithName("GetDevices")
            .WithSummary("Every device the registry lists or the store has seen: site, district, local climate zone, sensors with their calibrations, installation dates, last status and last reading time.");
        api.MapGet("/sensors", GetSensors)
            .WithName("GetSensors")
            .WithSummary("Every channel the registry lists (device, sensor, quantity) with its place and calibration.");
        api.MapGet("/quantities", () => TypedResults.Ok(Quantities.All.Select(QuantityResponse.From)))
            .WithName("GetQuantities")
            .WithSummary("The quantities the network measures, with their units and plausible ranges.");
        api.MapGet("/lcz", () => TypedResults.Ok(LocalClimateZone.All.Select(zone => new LocalClimateZoneResponse(zone.Code, zone.Name, zone.IsBuilt))))
            .WithName("GetLocalClimateZones")
            .WithSummary("Stewart and Oke's local climate zones, by code.");
        return api;
    }

    private static PushStreamHttpResult GetSites(SensorRegistry registry) => GeoJson(registry.Sites);

    private static IResult GetSite(string id, SensorRegistry registry) =>
        registry.TryGetSite(id, out var site)
            ? GeoJson([site])
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown site", detail: $"The registry has no site '{id}'; GET /api/v1/sites lists them.");

    private static async Task<Ok<IEnumerable<DeviceResponse>>> GetDevicesAsync(SensorRegistry registry, IDeviceDirectory directory, CancellationToken cancellationToken)
    {
        var summaries = (await directory.ListDevicesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(summary => summary.DeviceId, StringComparer.Ordinal);
        var registered = registry.Devices.Select(device => DeviceResponse.From(device, summaries.GetValueOrDefault(device.Id)));
        var others = summaries.Values.Where(summary => !registry.TryGetDevice(summary.DeviceId, out _)).Select(summary => DeviceResponse.From(null, summary));
        return TypedResults.Ok(registered.Concat(others).OrderBy(device => device.Id, StringComparer.Ordinal).AsEnumerable());
    }

    private static Ok<IEnumerable<ChannelResponse>> GetSensors(SensorRegistry registry) =>
        TypedResults.Ok(registry.Devices.SelectMany(device => device.Sensors.SelectMany(sensor => sensor.Quantities.Select(quantity => ChannelResponse.From(device, sensor, quantity)))));

    private static PushStreamHttpResult GeoJson(IEnumerable<Site> sites) =>
        TypedResults.Stream(
            async stream =>
            {
                var writer = new Utf8JsonWriter(stream);
                await using (writer.ConfigureAwait(false))
                {
                    SitesGeoJson.Write(sites, writer);
                    await writer.FlushAsync().ConfigureAwait(false);
                }
            },
            GeoJsonContentType);
}
