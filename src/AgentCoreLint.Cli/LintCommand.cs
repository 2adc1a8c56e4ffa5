using AgentCoreLint.Rules.Analysis;
using System.CommandLine;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Cli;

/// <summary><c>agentcorelint lint [PATH…]</c>: lints files and directories and writes the report.</summary>
internal static class LintCommand
{
    /// <summary>The values of <c>--format</c>.</summary>
    public static readonly string[] Formats = { "text", "sarif", "json", "github", "junit", "checkstyle" };

    public static Command Build(CommandLine.Host host)
    {
        var stdout = host.Out;
        var stderr = host.Error;
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or directories to lint (directories recursively: *.json, *.yaml, *.yml, *.template; hidden, " +
                          "node_modules, bin and obj folders are skipped), or - for standard input. Default: the current directory.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (compiler style, one line per finding), sarif (SARIF 2.1.0 for GitHub code scanning), json, " +
                          "github (GitHub Actions annotations), junit (JUnit XML: GitLab, Jenkins, Azure DevOps) or checkstyle (checkstyle XML).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong(Formats);
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
            Description = "Write this run's findings to the --baseline FILE as SARIF (creating or replacing it) and exit 0, to adopt the linter on an " +
                          "existing repository. Writes no report, so it does not take --format or --output.",
        };
        var category = new Option<string?>("--category")
        {
            Description = "The GitHub code scanning category (SARIF runAutomationDetails.id) when several runs upload SARIF for one commit.",
            HelpName = "NAME",
        };
        var sourceRoot = new Option<string?>("--source-root")
        {
            Description = "The folder that paths in SARIF, JSON, GitHub, JUnit and checkstyle reports are relative to (text shows paths relative to " +
                          "the current directory). Default: the root of the git repository around the current directory, so that GitHub resolves them.",
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
        var showHelpLinks = new Option<bool>("--show-help-links")
        {
            Description = "In text output, follow each finding with the address of its rule's page (also printed by 'agentcorelint explain RULE').",
        };
        var stdinFileName = new Option<string?>("--stdin-filename")
        {
            Description = "With - as the path: the name of the file on standard input, used to tell JSON from YAML and templates from requests, " +
                          "and shown in the report. Default: stdin.json.",
            HelpName = "NAME",
        };

        var command = new Command("lint", "Lint AgentCore Control request documents, CloudFormation/CDK templates and Terraform plan JSON.")
        {
            paths, format, output, operation, failLevel, baseline, writeBaseline, category, sourceRoot, maxFileSize, skipUnrecognized, noColor,
            showHelpLinks, stdinFileName,
        };

        command.SetAction(parse =>
        {
            var operationName = parse.GetValue(operation);
            if (operationName is not null && !OperationDetector.IsKnownOperation(operationName))
            {
                throw new UsageException($"--operation '{operationName}' is not an AgentCore Control operation (e.g. CreateAgentRuntime, UpdateHarness).");
            }

            var baselinePath = parse.GetValue(baseline);
            var outputPath = parse.GetValue(output);
            var formatName = parse.GetValue(format)!;
            if (parse.GetValue(writeBaseline))
            {
                if (baselinePath is null)
                {
                    throw new UsageException("--write-baseline needs --baseline FILE to say where to write.");
                }

                // The baseline is the report of this run; a second report beside it would be a different run's view.
                if (outputPath is not null || parse.GetResult(format) is { Implicit: false })
                {
                    throw new UsageException($"--write-baseline writes only the baseline ({baselinePath}, SARIF) and no report; remove {(outputPath is not null ? "--output" : "--format")}, and run again without --write-baseline for a report.");
                }
            }

            var rootText = parse.GetValue(sourceRoot);
            string? rootPath = null;
            if (rootText is not null)
            {
                rootPath = Path.GetFullPath(rootText, host.WorkingDirectory);
                if (!Directory.Exists(rootPath))
                {
                    throw new UsageException($"--source-root '{rootText}' is not a folder; give the folder that result paths should be relative to (default: the git repository root).");
                }
            }

            var options = new LintOptions
            {
                Operation = operationName,
                SourceRoot = rootPath,
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
            var stdinName = parse.GetValue(stdinFileName);
            var fromStdin = targets.Contains("-");
            if (fromStdin && targets.Length > 1)
            {
                throw new UsageException("- (standard input) is linted on its own: give it as the only path.");
            }

            if (stdinName is not null && !fromStdin)
            {
                throw new UsageException("--stdin-filename names the file on standard input: give - as the path too.");
            }

            var linter = Linter.CreateDefault();
            LintReport report;
            if (fromStdin)
            {
                var name = Path.GetFullPath(string.IsNullOrWhiteSpace(stdinName) ? "stdin.json" : stdinName, host.WorkingDirectory);
                report = linter.LintInput(ReadInput(host, options.Load.MaxFileBytes), name, options);
            }
            else
            {
                try
                {
                    report = linter.Lint(targets, options);
                }
                catch (FileNotFoundException e)
                {
                    // System.CommandLine takes an unknown option for a path; say what the user most likely meant.
                    throw new UsageException(e.FileName is { } name && name.StartsWith('-')
                        ? $"Unknown option '{name}'. Run 'agentcorelint lint --help' for the options."
                        : e.Message);
                }
            }

            if (report.FilesScanned == 0)
            {
                // Nothing was looked at, so a clean exit would claim a check that did not happen (a mistyped folder, a
                // checkout step that was forgotten): a usage error, like a path that does not exist.
                throw new UsageException($"no files to lint in {string.Join(", ", targets)}: directories are searched for {string.Join(", ", Linter.Extensions.Select(e => "*" + e))} " +
                                         "(hidden, node_modules, bin and obj folders are skipped). Name the folder that holds your requests, templates or plans.");
            }

            if (report.TargetsChecked == 0 && report.Results.Count == 0)
            {
                stderr.WriteLine($"agentcorelint: warning: {Plural(report.FilesScanned, "file")} read, but none is an AgentCore request, template or plan, so nothing was checked.");
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

            FindingLevels.TryParse(parse.GetValue(failLevel), out var threshold);
            IReportWriter writer = formatName switch
            {
                "sarif" => new SarifReportWriter(),
                "json" => new JsonReportWriter(),
                "github" => new GitHubActionsReportWriter(),
                "junit" => new JUnitReportWriter(threshold),
                "checkstyle" => new CheckstyleReportWriter(),
                _ => new TextReportWriter(
                    useColor: outputPath is null && !parse.GetValue(noColor) && host.UseColor(),
                    pathBase: host.WorkingDirectory,
                    showHelpLinks: parse.GetValue(showHelpLinks)),
            };

            if (outputPath is null)
            {
                writer.Write(report, stdout);
                stdout.Flush();
            }
            else
            {
                using var file = new StreamWriter(Path.GetFullPath(outputPath, host.WorkingDirectory));
                writer.Write(report, file);
            }

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

    private static byte[] ReadInput(CommandLine.Host host, long maxBytes)
    {
        // Read one byte past the limit at most: enough to know the input is too large without holding all of it.
        using var input = host.OpenInput();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = input.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    private static string Plural(int count, string noun) =>
        count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? "" : "s");
}
