using System.CommandLine;
using System.Text.Json;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Cli;

/// <summary><c>agentcorelint rules</c>: lists the rule catalog.</summary>
internal static class RulesCommand
{
    public static Command Build(TextWriter stdout)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (a table) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("rules", "List every rule: id, default level, name and title. Each rule's documentation is in rules/<category>/<ID>-<name>.md.")
        {
            format,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(format) == "json")
            {
                WriteJson(stdout);
            }
            else
            {
                foreach (var rule in RuleCatalog.All)
                {
                    stdout.WriteLine($"{rule.Id}  {rule.DefaultLevel.ToSarif(),-7}  {rule.Name,-28}  {rule.Title}");
                }
            }

            return CommandLine.ExitClean;
        });
        return command;
    }

    private static void WriteJson(TextWriter stdout)
    {
        var rules = RuleCatalog.All.Select(r => new
        {
            id = r.Id,
            name = r.Name,
            title = r.Title,
            level = r.DefaultLevel.ToSarif(),
            category = r.Category,
            tags = r.Tags,
            securitySeverity = r.SecuritySeverity,
            description = r.Description,
            help = r.Help,
        });
        stdout.WriteLine(JsonSerializer.Serialize(rules, new JsonSerializerOptions { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull }));
    }
}
