using System.CommandLine;
using UrbanSensing.Cli;
using UrbanSensing.Cli.Analyze;
using UrbanSensing.Cli.Compute;

var root = new RootCommand("urbansensing: urban environmental monitoring for the City of Lille and the University of Lille.")
{
    RunCommand.Create(),
    IngestCommand.Create(),
    DeadLettersCommand.Create(),
    QueryCommand.Create(),
    ExportCommand.Create(),
    ComputeCommand.Create(),
    AnalyzeCommand.Create(),
};

// The host handles Ctrl+C itself and drains the pipeline; System.CommandLine must not kill the process meanwhile.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }).ConfigureAwait(false);
