using System.CommandLine;
using System.Text.Json;
using System.Xml.Linq;
using AgentCoreLint.Cli.Tests.Support;
using AgentCoreLint.Rules.Catalog;

namespace AgentCoreLint.Cli.Tests;

/// <summary><c>--help</c>, <c>--version</c> and <c>agentcorelint rules</c>.</summary>
public sealed class HelpVersionRulesTests
{
    [Fact]
    public void Lint_help_mentions_every_option_with_its_description()
    {
        var lint = CommandLine.Build(new CommandLine.Host(TextWriter.Null, TextWriter.Null, () => Stream.Null, Directory.GetCurrentDirectory(), () => false)).Subcommands.Single(c => c.Name == "lint");

        var result = Tool.Run("lint", "--help");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        foreach (var option in lint.Options)
        {
            Assert.Contains(option.Name, result.Stdout);
            foreach (var alias in option.Aliases)
            {
                Assert.Contains(alias, result.Stdout);
            }

            // Help wraps long descriptions, so compare their first words.
            Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{option.Name} has no description");
            Assert.Contains(string.Join(' ', option.Description!.Split(' ').Take(4)), result.Stdout);
        }

        foreach (var name in new[] { "--format", "--output", "--operation", "--fail-level", "--baseline", "--write-baseline", "--category", "--source-root", "--max-file-size", "--skip-unrecognized", "--no-color" })
        {
            Assert.Contains(lint.Options, o => o.Name == name);
        }
    }

    [Fact]
    public void Root_help_lists_the_commands()
    {
        var result = Tool.Run("--help");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        Assert.Contains("lint", result.Stdout);
        Assert.Contains("rules", result.Stdout);
        Assert.Contains("--version", result.Stdout);
    }

    [Fact]
    public void Version_prints_the_version_from_Directory_Build_props_and_nothing_else()
    {
        var result = Tool.Run("--version");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        Assert.Equal(ProductVersion() + "\n", result.Stdout.Replace("\r\n", "\n"));
        Assert.DoesNotContain("+", result.Stdout);
    }

    [Fact]
    public void Rules_lists_every_rule_of_the_catalog()
    {
        var result = Tool.Run("rules");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        Assert.Equal(RuleCatalog.All.Count, result.Lines.Length);
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Contains(result.Lines, l => l.StartsWith(rule.Id + " ", StringComparison.Ordinal) && l.Contains(rule.Title, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Rules_as_json_carries_the_security_metadata()
    {
        var result = Tool.Run("rules", "--format", "json");

        Assert.Equal(CommandLine.ExitClean, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var rules = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), rules.Select(r => r.GetProperty("id").GetString()));
        var secret = rules.Single(r => r.GetProperty("id").GetString() == "ACL3001");
        Assert.False(string.IsNullOrEmpty(secret.GetProperty("securitySeverity").GetString()));
    }

    /// <summary>The one place the version is set.</summary>
    private static string ProductVersion() =>
        XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
}
