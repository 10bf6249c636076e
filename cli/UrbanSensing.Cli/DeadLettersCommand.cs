using System.CommandLine;
using System.Globalization;
using UrbanSensing.Api;

namespace UrbanSensing.Cli;

/// <summary><c>urbansensing dead-letters list|summary|resubmit</c>: the dead letters of a running service, through its HTTP API.</summary>
internal static class DeadLettersCommand
{
    public static Command Create()
    {
        var api = ServiceApiOption.Create();
        api.Recursive = true;
        var limit = new Option<int>("--limit") { Description = "Most recent dead letters to list", DefaultValueFactory = _ => 20 };
        var ids = new Option<long[]>("--id") { Description = "Dead letters to resubmit (repeat the option for several)", AllowMultipleArgumentsPerToken = true };
        var all = new Option<bool>("--all") { Description = $"Resubmit every dead letter (up to {IngestionService.MaxResubmittedAtOnce})" };

        var list = new Command("list", "List the most recent dead letters with their reason") { limit };
        list.SetAction((parseResult, cancellationToken) => ListAsync(parseResult.GetRequiredValue(api), parseResult.GetValue(limit), cancellationToken));

        var summary = new Command("summary", "Count the dead letters by kind of reason");
        summary.SetAction((parseResult, cancellationToken) => SummaryAsync(parseResult.GetRequiredValue(api), cancellationToken));

        var resubmit = new Command("resubmit", "Send dead letters through the pipeline again, after a fix") { ids, all };
        resubmit.Validators.Add(result =>
        {
            if ((result.GetValue(ids) is { Length: > 0 }) == result.GetValue(all))
            {
                result.AddError("give either --id (one or more) or --all");
            }
        });
        resubmit.SetAction((parseResult, cancellationToken) =>
            ResubmitAsync(parseResult.GetRequiredValue(api), parseResult.GetValue(all) ? null : parseResult.GetValue(ids), cancellationToken));

        return new Command("dead-letters", "Inspect and resubmit the messages ingestion rejected") { api, list, summary, resubmit };
    }

    private static async Task<int> ListAsync(Uri api, int limit, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api };
        var deadLetters = await http.GetFromJsonAsync<List<DeadLetterResponse>>(
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/dead-letters?limit={limit}"), cancellationToken).ConfigureAwait(false) ?? [];
        Console.WriteLine($"{"id",8}  {"received (UTC)",-20}  {"device",-16}  {"kind",-20}  reason");
        foreach (var deadLetter in deadLetters)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{deadLetter.Id,8}  {deadLetter.ReceivedAt,-20:yyyy-MM-dd HH:mm:ss}  {deadLetter.DeviceId ?? "-",-16}  {deadLetter.Kind,-20}  {deadLetter.Reason}"));
        }

        return 0;
    }

    private static async Task<int> SummaryAsync(Uri api, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api };
        var counts = await http.GetFromJsonAsync<Dictionary<string, long>>("/api/v1/dead-letters/summary", cancellationToken).ConfigureAwait(false) ?? [];
        foreach (var (kind, count) in counts)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind,-20}  {count,10}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"total",-20}  {counts.Values.Sum(),10}"));
        return 0;
    }

    private static async Task<int> ResubmitAsync(Uri api, long[]? ids, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = api };
        var query = ids is null ? string.Empty : "?" + string.Join('&', ids.Select(id => string.Create(CultureInfo.InvariantCulture, $"id={id}")));
        using var response = await http.PostAsync(new Uri("/api/v1/dead-letters/resubmit" + query, UriKind.Relative), content: null, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<ResubmitResponse>(cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"resubmitted {result?.Resubmitted ?? 0} dead letters; those rejected again are back in the list with their new reason");
        return 0;
    }
}
