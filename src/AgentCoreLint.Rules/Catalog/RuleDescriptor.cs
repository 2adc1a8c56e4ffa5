using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Rules.Catalog;

/// <summary>
/// A rule's metadata, declared once in <c>rules/&lt;category&gt;/&lt;ID&gt;-&lt;name&gt;.yaml</c> (with the
/// Markdown doc beside it) and compiled into <see cref="RuleCatalog"/> by <c>AgentCoreLint.SchemaGen</c>.
/// SARIF <c>tool.driver.rules</c>, <c>agentcorelint rules</c> and the analyzer's descriptors all read it.
/// </summary>
public sealed record RuleDescriptor
{
    /// <summary><c>ACL</c> + four digits; never reused.</summary>
    public required string Id { get; init; }

    /// <summary>Kebab-case name, e.g. <c>mount-path</c> (SARIF <c>reportingDescriptor.name</c> uses PascalCase of it).</summary>
    public required string Name { get; init; }

    /// <summary>One-line summary (SARIF <c>shortDescription</c>).</summary>
    public required string Title { get; init; }

    /// <summary>A paragraph on what the rule checks and why (SARIF <c>fullDescription</c>).</summary>
    public required string Description { get; init; }

    /// <summary>Plain-text help: how to fix (SARIF <c>help.text</c>).</summary>
    public required string Help { get; init; }

    /// <summary>The rule's Markdown doc (SARIF <c>help.markdown</c>).</summary>
    public required string HelpMarkdown { get; init; }

    /// <summary>The default level (SARIF <c>defaultConfiguration.level</c>).</summary>
    public required FindingLevel DefaultLevel { get; init; }

    /// <summary>The catalog category folder, e.g. <c>schema</c>, <c>storage</c>, <c>network</c>, <c>secrets</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Tags (SARIF <c>properties.tags</c>); security rules carry <c>security</c>.</summary>
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>GitHub's <c>security-severity</c> (a CVSS-like score "0.0"–"10.0") for security rules, else null.</summary>
    public string? SecuritySeverity { get; init; }

    /// <summary>The documentation sentence or model shape the rule enforces, for the docs.</summary>
    public string? Source { get; init; }

    /// <summary>Where the rule's Markdown doc is published (SARIF <c>helpUri</c>, the analyzer's help link): the
    /// repository file beside its YAML declaration at the release tag of this version (<c>v0.1.0</c>), so the page
    /// is the one the installed tool applies even after <c>main</c> has moved on (docs/releasing.md).</summary>
    public string HelpUri => $"{RuleCatalog.InformationUri}/blob/v{RuleCatalog.Version}/rules/{Category}/{Id}-{Name}.md";
}

/// <summary>The rule catalog: every <see cref="RuleDescriptor"/>, ordered by id.</summary>
public static partial class RuleCatalog
{
    /// <summary>Where users learn about the tool and its rules (the repository; a placeholder until it is
    /// published, see docs/releasing.md).</summary>
    public const string InformationUri = "https://github.com/agentcorelint/agentcorelint";

    /// <summary>The product version (from <c>Directory.Build.props</c>, the single source of the version), without
    /// build metadata.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = System.Reflection.CustomAttributeExtensions
            .GetCustomAttribute<System.Reflection.AssemblyInformationalVersionAttribute>(typeof(RuleCatalog).Assembly)?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus >= 0 ? informational.Substring(0, plus) : informational;
    }

    private static readonly Lazy<Dictionary<string, RuleDescriptor>> ById = new(() => All.ToDictionary(r => r.Id, StringComparer.Ordinal));

    /// <summary>All rules, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All => Generated.Rules;

    /// <summary>Looks a rule up by id.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that id.</exception>
    public static RuleDescriptor Get(string id) =>
        TryGet(id, out var rule) ? rule! : throw new KeyNotFoundException($"No rule '{id}' in the catalog.");

    /// <summary>Looks a rule up by id.</summary>
    /// <returns>False when no rule has that id.</returns>
    public static bool TryGet(string id, out RuleDescriptor? rule)
    {
        return ById.Value.TryGetValue(id, out rule);
    }
}
