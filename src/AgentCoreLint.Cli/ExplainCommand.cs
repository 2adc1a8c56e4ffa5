using System.CommandLine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Catalog;

namespace AgentCoreLint.Cli;

/// <summary><c>agentcorelint explain RULE</c>: prints a rule's documentation page, which the tool carries (the rule
/// catalog is generated from <c>rules/</c>, pages included), so an installed tool needs no clone of the repository.</summary>
internal static class ExplainCommand
{
    public static Command Build(TextWriter stdout)
    {
        var ruleArgument = new Argument<string>("RULE")
        {
            Description = "A rule id (ACL2001, acl2001) or name (mount-path), as `agentcorelint rules` lists them.",
        };
        var command = new Command("explain", "Print a rule's documentation: why it matters, non-compliant and compliant examples, how to fix, sources.")
        {
            ruleArgument,
        };
        command.SetAction(parse =>
        {
            var wanted = parse.GetValue(ruleArgument)!.Trim();
            var rule = RuleCatalog.All.FirstOrDefault(r =>
                string.Equals(r.Id, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(r.Name, wanted, StringComparison.OrdinalIgnoreCase));
            if (rule is null)
            {
                throw new UsageException($"No rule '{wanted}'. Run 'agentcorelint rules' for the rule ids and names.");
            }

            stdout.Write(rule.HelpMarkdown.ReplaceLineEndings("\n").TrimEnd('\n'));
            stdout.Write("\n\nOnline: ");
            stdout.Write(SarifReportWriter.HelpUri(rule));
            stdout.Write('\n');
            stdout.Flush();
            return CommandLine.ExitClean;
        });
        return command;
    }
}
