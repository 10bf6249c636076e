using System.Diagnostics;
using System.Globalization;

namespace UrbanSensing.Cli.Export;

/// <summary>
/// A progress bar on standard error, redrawn in place on a terminal at most ten times a second; when standard error
/// is redirected (a log, CI), one line every ten seconds instead.
/// </summary>
internal sealed class ProgressBar(string label, int total)
{
    private const int Width = 30;
    private static readonly TimeSpan TerminalInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private TimeSpan? _drawnAt;

    /// <param name="done">Units (slices) completed, of <c>total</c>.</param>
    /// <param name="position">What the current unit is, for example the day being downloaded.</param>
    public void Report(int done, long rows, string position, bool force = false)
    {
        var now = _elapsed.Elapsed;
        if (!force && _drawnAt is { } drawn && now - drawn < (_terminal ? TerminalInterval : LogInterval))
        {
            return;
        }

        _drawnAt = now;
        var fraction = total == 0 ? 1 : (double)done / total;
        var filled = (int)Math.Round(fraction * Width);
        var rate = now.TotalSeconds > 0 ? rows / now.TotalSeconds : 0;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{label} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {position}  {rows:N0} rows  {rate:N0} rows/s");
        if (_terminal)
        {
            Console.Error.Write($"\r{line}\u001b[K");
        }
        else
        {
            Console.Error.WriteLine(line);
        }
    }

    public void Finish(long rows)
    {
        Report(total, rows, "done", force: true);
        if (_terminal)
        {
            Console.Error.WriteLine();
        }
    }
}
