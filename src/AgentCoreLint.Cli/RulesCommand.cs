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

        var command = new Command("rules", "List every rule: id, default level, name and title. 'agentcorelint explain ID' prints a rule's documentation.")
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

    // Written member by member rather than serialized by reflection: the trimmed, self-contained build
    // (docs/installation.md) has no reflection-based serialization.
    private static void WriteJson(TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var rule in RuleCatalog.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Name);
                json.WriteString("title", rule.Title);
                json.WriteString("level", rule.DefaultLevel.ToSarif());
                json.WriteString("category", rule.Category);
                json.WriteStartArray("tags");
                foreach (var tag in rule.Tags)
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                if (rule.SecuritySeverity is { } severity)
                {
                    json.WriteString("securitySeverity", severity);
                }

                json.WriteString("description", rule.Description);
                json.WriteString("help", rule.Help);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
