using AgentCoreLint.Cli;

CommandLine.StartWarmUp(args);
var stdout = StandardStreams.Output();
var stderr = StandardStreams.Error();
try
{
    return CommandLine.Run(args, new CommandLine.Host(stdout, stderr, StandardStreams.OpenInput, Directory.GetCurrentDirectory(), StandardStreams.UseColor));
}
finally
{
    stdout.Flush();
}
