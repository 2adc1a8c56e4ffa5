using AgentCoreLint.Rules.Analysis;
using System.CommandLine;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Cli;

/// <summary><c>agentcorelint lint [PATH…]</c>: lints files and directories and writes the report.</summary>
internal static class LintCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or directories to lint (directories recursively: *.json, *.yaml, *.yml, *.template; hidden, " +
                          "node_modules, bin and obj folders are skipped). Default: the current directory.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (compiler style, one line per finding), sarif (SARIF 2.1.0 for GitHub code scanning) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "sarif", "json");
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE instead of standard output.",
            HelpName = "FILE",
        };
        var operation = new Option<string?>("--operation")
        {
            Description = "Check every request document as this AgentCore Control operation (e.g. UpdateAgentRuntime) instead of inferring it from its members.",
            HelpName = "NAME",
        };
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Exit with code 1 when a finding at or above this level is reported: error, warning or note.",
            DefaultValueFactory = _ => "error",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note");
        var baseline = new Option<string?>("--baseline")
        {
            Description = "A SARIF file from an earlier run: findings recorded in it are suppressed (kept in SARIF as suppressions), only new ones count.",
            HelpName = "FILE",
        };
        var writeBaseline = new Option<bool>("--write-baseline")
        {
            Description = "Write this run's findings to the --baseline FILE (creating or replacing it) and exit 0, to adopt the linter on an existing repository.",
        };
        var category = new Option<string?>("--category")
        {
            Description = "The GitHub code scanning category (SARIF runAutomationDetails.id) when several runs upload SARIF for one commit.",
            HelpName = "NAME",
        };
        var sourceRoot = new Option<string?>("--source-root")
        {
            Description = "The folder result paths are relative to. Default: the root of the git repository around the current directory, so that GitHub resolves them.",
            HelpName = "DIR",
        };
        // A string option, checked here: the message names the option and the expected form, and a string option
        // needs no value-type generic code from System.CommandLine compiled at start-up.
        var maxFileSize = new Option<string?>("--max-file-size")
        {
            Description = $"Largest input file in bytes; larger files are reported (ACL0001), not parsed. Default: {LintOptions.DefaultMaxFileBytes} (32 MiB).",
            HelpName = "BYTES",
        };
        var skipUnrecognized = new Option<bool>("--skip-unrecognized")
        {
            Description = "Skip named files that are not AgentCore documents (a package.json, a CI workflow) without a finding, as a " +
                          "directory search does; files that cannot be parsed are still reported. For pre-commit hooks, which name every staged JSON and YAML file.",
        };
        var noColor = new Option<bool>("--no-color")
        {
            Description = "Never colour the text output (colour is used only on a terminal, and never when NO_COLOR is set).",
        };

        var command = new Command("lint", "Lint AgentCore Control request documents, CloudFormation/CDK templates and Terraform plan JSON.")
        {
            paths, format, output, operation, failLevel, baseline, writeBaseline, category, sourceRoot, maxFileSize, skipUnrecognized, noColor,
        };

        command.SetAction(parse =>
        {
            var operationName = parse.GetValue(operation);
            if (operationName is not null && !OperationDetector.IsKnownOperation(operationName))
            {
                throw new UsageException($"--operation '{operationName}' is not an AgentCore Control operation (e.g. CreateAgentRuntime, UpdateHarness).");
            }

            var baselinePath = parse.GetValue(baseline);
            if (parse.GetValue(writeBaseline) && baselinePath is null)
            {
                throw new UsageException("--write-baseline needs --baseline FILE to say where to write.");
            }

            var options = new LintOptions
            {
                Operation = operationName,
                SourceRoot = parse.GetValue(sourceRoot) is { } root ? Path.GetFullPath(root) : null,
                AutomationId = AutomationId(parse.GetValue(category)),
                SkipUnrecognizedFiles = parse.GetValue(skipUnrecognized),
            };
            if (parse.GetValue(maxFileSize) is { } maxText)
            {
                if (!long.TryParse(maxText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var max) || max <= 0)
                {
                    throw new UsageException($"--max-file-size '{maxText}' is not a size: give a whole number of bytes greater than 0, e.g. {LintOptions.DefaultMaxFileBytes} (32 MiB).");
                }

                options = options with { Load = options.Load with { MaxFileBytes = max } };
            }

            var targets = parse.GetValue(paths) is { Length: > 0 } given ? given : new[] { "." };
            LintReport report;
            try
            {
                report = Linter.CreateDefault().Lint(targets, options);
            }
            catch (FileNotFoundException e)
            {
                // System.CommandLine takes an unknown option for a path; say what the user most likely meant.
                throw new UsageException(e.FileName is { } name && name.StartsWith('-')
                    ? $"Unknown option '{name}'. Run 'agentcorelint lint --help' for the options."
                    : e.Message);
            }

            if (parse.GetValue(writeBaseline))
            {
                using (var file = new StreamWriter(baselinePath!))
                {
                    new SarifReportWriter(maxResults: int.MaxValue).Write(report, file);
                }

                stderr.WriteLine($"agentcorelint: wrote a baseline of {report.Results.Count} finding(s) to {baselinePath}.");
                return CommandLine.ExitClean;
            }

            if (baselinePath is not null)
            {
                report = ApplyBaseline(report, baselinePath);
            }

            var formatName = parse.GetValue(format)!;
            var outputPath = parse.GetValue(output);
            IReportWriter writer = formatName switch
            {
                "sarif" => new SarifReportWriter(),
                "json" => new JsonReportWriter(),
                _ => new TextReportWriter(useColor: outputPath is null && !parse.GetValue(noColor) && UseColor()),
            };

            if (outputPath is null)
            {
                writer.Write(report, stdout);
                stdout.Flush();
            }
            else
            {
                using var file = new StreamWriter(outputPath);
                writer.Write(report, file);
            }

            FindingLevels.TryParse(parse.GetValue(failLevel), out var threshold);
            // A rule that failed (ACL0004) means the check was incomplete: the report is written, but the run is an error.
            if (report.Results.Any(r => RequestChecker.IsRuleFailure(r.Finding)))
            {
                return CommandLine.ExitError;
            }

            return report.Results.Any(r => !r.IsSuppressed && r.Finding.Level >= threshold) ? CommandLine.ExitFindings : CommandLine.ExitClean;
        });
        return command;
    }

    private static LintReport ApplyBaseline(LintReport report, string path)
    {
        Baseline baseline;
        try
        {
            using var reader = new StreamReader(path);
            baseline = Baseline.Load(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BaselineFormatException)
        {
            throw new UsageException($"--baseline {path}: {e.Message}");
        }

        return report with { Results = baseline.Apply(report.Results) };
    }

    private static string AutomationId(string? category)
    {
        if (string.IsNullOrWhiteSpace(category))
        {
            return "agentcorelint/";
        }

        var id = category.Trim();
        return id.EndsWith('/') ? id : id + "/";
    }

    private static bool UseColor() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
