using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using AgentCoreLint.Core;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Cli;

/// <summary>The <c>agentcorelint</c> command line: <c>lint</c> and <c>rules</c>. Exit codes: 0 no finding at or above
/// the fail level, 1 findings, 2 usage, configuration or internal error.</summary>
internal static class CommandLine
{
    public const int ExitClean = 0;
    public const int ExitFindings = 1;
    public const int ExitError = 2;

    /// <summary>What the command line runs against: the process's standard streams, current directory and terminal,
    /// or stand-ins for them in tests.</summary>
    /// <param name="Out">Standard output (reports).</param>
    /// <param name="Error">Standard error (usage errors, warnings).</param>
    /// <param name="OpenInput">Opens standard input (for <c>lint -</c>).</param>
    /// <param name="WorkingDirectory">The absolute current directory: text report paths and relative option values
    /// are taken from it.</param>
    /// <param name="UseColor">Whether standard output is a terminal that wants colour.</param>
    internal sealed record Host(TextWriter Out, TextWriter Error, Func<Stream> OpenInput, string WorkingDirectory, Func<bool> UseColor);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new Host(stdout, stderr, () => Stream.Null, Directory.GetCurrentDirectory(), () => false));

    public static int Run(string[] args, Host host)
    {
        var stdout = host.Out;
        var stderr = host.Error;
        var root = Build(host);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"agentcorelint: {error.Message}");
            }

            stderr.WriteLine("Run 'agentcorelint --help' for usage.");
            return ExitError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"agentcorelint: {e.Message}");
            return ExitError;
        }
        catch (Exception e)
        {
            // Internal errors name the exception type only: a message could quote file content, and content may hold secrets.
            stderr.WriteLine($"agentcorelint: internal error ({e.GetType().Name}). Please report it with the command line you ran.");
            return ExitError;
        }
    }

    /// <summary>
    /// For <c>lint</c>, starts the warm-up of first-use work (model tables, parsers, NJsonSchema) so that it overlaps
    /// building and parsing the command line. Called by the process entry point before <see cref="Run"/>, and kept
    /// apart from it: <see cref="Run"/> uses System.CommandLine, whose loading would otherwise come first.
    /// </summary>
    /// <param name="args">The process arguments. They are not parsed yet: every word after <c>lint</c> that is not an
    /// option is passed as a possible path (an option's value, such as <c>sarif</c>, only makes the warm-up do a little
    /// more).</param>
    public static void StartWarmUp(string[] args)
    {
        if (args.Length > 0 && args[0] == "lint")
        {
            WarmUp.Start(args.Skip(1).Where(a => !a.StartsWith('-')).ToList());
        }
    }

    internal static RootCommand Build(Host host)
    {
        var stdout = host.Out;
        var root = new RootCommand(
            "AgentCoreLint checks Amazon Bedrock AgentCore Control configurations before you deploy: request documents " +
            "(JSON or YAML bodies of CreateAgentRuntime, UpdateAgentRuntime, CreateHarness, CreateBrowser, …), " +
            "CloudFormation and CDK templates, and Terraform plan JSON. It reports schema violations against the AWS " +
            "service model and semantic rules (mount paths, unions, VPC settings, secrets) as text, SARIF, JSON, GitHub Actions " +
            "annotations, JUnit or checkstyle XML.");
        root.Add(LintCommand.Build(host));
        root.Add(RulesCommand.Build(stdout));
        root.Add(ExplainCommand.Build(stdout));

        // The built-in --version prints the entry assembly's version: the tool's own when run as agentcorelint, but
        // the host's when the command line runs in-process (tests). Print the version SARIF reports, in every case.
        foreach (var version in root.Options.OfType<VersionOption>())
        {
            version.Action = new PrintVersionAction(stdout);
        }

        // The built-in help asks Console.WindowWidth for its width on a terminal, and on Unix that initialises the
        // terminal, which writes ESC[?1h ESC= to it (see StandardStreams). Take the width from COLUMNS instead.
        foreach (var help in root.Options.OfType<HelpOption>())
        {
            help.Action = new HelpAction { MaxWidth = HelpWidth() };
        }

        return root;
    }

    private static int HelpWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return int.MaxValue;
        }

        return int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var columns) && columns >= 40
            ? columns
            : 80;
    }

    private sealed class PrintVersionAction(TextWriter stdout) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            stdout.WriteLine(ToolInfo.Version);
            return ExitClean;
        }
    }
}

/// <summary>A usage or configuration error the user can fix: exit code 2 with the message.</summary>
internal sealed class UsageException(string message) : Exception(message);
