using UrbanSensing.Storage;
using UrbanSensing.Storage.Aggregation;

namespace UrbanSensing.Api.Readings;

/// <summary>A valid <c>GET /api/v1/readings</c>: the selection, raw or aggregated, in a format.</summary>
/// <param name="Aggregation">Null for raw readings.</param>
/// <param name="SelectsNoDevice">The site, district or zone filters admit no device: the answer is empty without asking the store.</param>
public sealed record ReadingRequest(ReadingQuery Selection, AggregateQuery? Aggregation, ReadingFormat Format, bool SelectsNoDevice);
