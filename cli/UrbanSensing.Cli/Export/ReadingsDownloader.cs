using System.Globalization;
using System.Text.Json;

namespace UrbanSensing.Cli.Export;

/// <summary>Asks a running service's <c>GET /api/v1/readings</c> for CSV, slice by slice, and hands each line to a sink.</summary>
internal sealed class ReadingsDownloader(HttpClient http)
{
    /// <param name="parameters">The selection and aggregation, without from, to and format.</param>
    public async Task DownloadAsync(IReadOnlyList<KeyValuePair<string, string>> parameters, IReadOnlyList<QuerySlice> slices, IRowSink sink, ProgressBar progress, CancellationToken cancellationToken)
    {
        for (var index = 0; index < slices.Count; index++)
        {
            var slice = slices[index];
            using var response = await http.GetAsync(RequestUri(parameters, slice), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"the service refused the query ({(int)response.StatusCode}): {await DescribeAsync(response, cancellationToken).ConfigureAwait(false)}");
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
            var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException("the service answered without a CSV header");
            await sink.HeaderAsync(header, cancellationToken).ConfigureAwait(false);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                await sink.RowAsync(line, cancellationToken).ConfigureAwait(false);
                progress.Report(index, sink.Rows, Describe(slice));
            }

            await sink.EndSliceAsync(cancellationToken).ConfigureAwait(false);
            progress.Report(index + 1, sink.Rows, Describe(slice));
        }
    }

    private static Uri RequestUri(IReadOnlyList<KeyValuePair<string, string>> parameters, QuerySlice slice)
    {
        var query = parameters
            .Append(new("from", slice.From.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)))
            .Append(new("to", slice.To.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)))
            .Append(new("format", "csv"))
            .Select(parameter => $"{Uri.EscapeDataString(parameter.Key)}={Uri.EscapeDataString(parameter.Value)}");
        return new Uri("/api/v1/readings?" + string.Join('&', query), UriKind.Relative);
    }

    private static string Describe(QuerySlice slice) => slice.From.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The problem details' own words when there are some.</summary>
    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(text);
            if (problem.RootElement.TryGetProperty("errors", out var errors))
            {
                return string.Join("; ", errors.EnumerateObject().SelectMany(error => error.Value.EnumerateArray().Select(message => $"--{error.Name}: {message.GetString()}")));
            }

            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? text : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
