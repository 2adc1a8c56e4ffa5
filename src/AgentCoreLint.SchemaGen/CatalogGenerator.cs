using System.Text;
using System.Text.RegularExpressions;
using AgentCoreLint.SchemaGen.Generation;
using YamlDotNet.RepresentationModel;

namespace AgentCoreLint.SchemaGen;

/// <summary>One rule as declared in <c>rules/&lt;category&gt;/&lt;ID&gt;-&lt;name&gt;.yaml</c>, with its Markdown doc.</summary>
public sealed record RuleDeclaration(
    string Id, string Name, string Title, string Level, string Category, IReadOnlyList<string> Tags,
    string Description, string Help, string? SecuritySeverity, string? Source, string Markdown, string YamlPath,
    string? Implementation = null)
{
    /// <summary>The rule's constant name in <c>RuleIds</c>: the kebab-case name in PascalCase (<c>mount-path</c> → <c>MountPath</c>).</summary>
    public string ConstantName => string.Concat(Name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}

/// <summary>
/// Compiles the rule catalog (<c>rules/**/*.yaml</c> and the <c>.md</c> doc beside each) into
/// <c>src/AgentCoreLint.Rules/Catalog/RuleCatalog.g.cs</c>, so the dependency-free Rules library needs no YAML parser;
/// and from the same declarations the rule id constants (<c>RuleIds.g.cs</c>), the registration of every rule class
/// named by an <c>implementation</c> field (<c>Semantic.X</c> in Rules, <c>Iac.X</c> template rules in Core), and the
/// README's rule table (between <c>&lt;!-- rules:begin --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c>).
/// </summary>
public sealed partial class CatalogGenerator : IGenerator
{
    public const string OutputPath = "src/AgentCoreLint.Rules/Catalog/RuleCatalog.g.cs";

    private static readonly string[] Levels = ["error", "warning", "note"];

    public IEnumerable<GeneratedFile> Generate(string repoRoot)
    {
        var rules = Load(repoRoot);
        var sb = new StringBuilder(CodeWriter.Header);
        sb.Append("#nullable enable\n");
        sb.Append("using AgentCoreLint.Rules.Findings;\n\n");
        sb.Append("namespace AgentCoreLint.Rules.Catalog;\n\n");
        sb.Append("public static partial class RuleCatalog\n{\n");
        sb.Append("    private static class Generated\n    {\n");
        sb.Append("        public static readonly RuleDescriptor[] Rules =\n        {\n");
        foreach (var r in rules)
        {
            sb.Append("            new RuleDescriptor\n            {\n");
            sb.Append($"                Id = {CodeWriter.Literal(r.Id)},\n");
            sb.Append($"                Name = {CodeWriter.Literal(r.Name)},\n");
            sb.Append($"                Title = {CodeWriter.Literal(r.Title)},\n");
            sb.Append($"                Description = {CodeWriter.Literal(r.Description)},\n");
            sb.Append($"                Help = {CodeWriter.Literal(r.Help)},\n");
            sb.Append($"                HelpMarkdown = {CodeWriter.Literal(r.Markdown)},\n");
            sb.Append($"                DefaultLevel = FindingLevel.{char.ToUpperInvariant(r.Level[0]) + r.Level[1..]},\n");
            sb.Append($"                Category = {CodeWriter.Literal(r.Category)},\n");
            sb.Append($"                Tags = {CodeWriter.StringArray(r.Tags)},\n");
            sb.Append($"                SecuritySeverity = {CodeWriter.Literal(r.SecuritySeverity)},\n");
            sb.Append($"                Source = {CodeWriter.Literal(r.Source)},\n");
            sb.Append("            },\n");
        }

        sb.Append("        };\n    }\n}\n");
        yield return new GeneratedFile(OutputPath, sb.ToString());
        yield return RuleIdsFile(rules);
        yield return Registration(rules, "Semantic.", SemanticRulesPath, "AgentCoreLint.Rules.Semantic", "SemanticRules", "ISemanticRule", "AgentCoreLint.Rules.Analysis");
        yield return Registration(rules, "Iac.", TemplateRulesPath, "AgentCoreLint.Core.Iac", "TemplateRules", "ITemplateRule", null);
        if (ReadmeTable(repoRoot, rules) is { } readme)
        {
            yield return readme;
        }
    }

    public const string RuleIdsPath = "src/AgentCoreLint.Rules/Catalog/RuleIds.g.cs";
    public const string SemanticRulesPath = "src/AgentCoreLint.Rules/Semantic/SemanticRules.g.cs";
    public const string TemplateRulesPath = "src/AgentCoreLint.Core/Iac/TemplateRules.g.cs";
    public const string ReadmeBegin = "<!-- rules:begin (generated from rules/**/*.yaml by AgentCoreLint.SchemaGen) -->";
    public const string ReadmeEnd = "<!-- rules:end -->";

    private static GeneratedFile RuleIdsFile(IReadOnlyList<RuleDeclaration> rules)
    {
        var sb = new StringBuilder(CodeWriter.Header);
        sb.Append("namespace AgentCoreLint.Rules.Catalog;\n\n");
        sb.Append("/// <summary>Every rule id of the catalog, named after the rule (<c>rules/**/*.yaml</c>).</summary>\n");
        sb.Append("public static class RuleIds\n{\n");
        foreach (var r in rules)
        {
            sb.Append($"    /// <summary>{r.Id} {r.Name}: {System.Security.SecurityElement.Escape(r.Title)}.</summary>\n");
            sb.Append($"    public const string {r.ConstantName} = {CodeWriter.Literal(r.Id)};\n\n");
        }

        sb.Length -= 1;
        sb.Append("}\n");
        return new GeneratedFile(RuleIdsPath, sb.ToString());
    }

    private static GeneratedFile Registration(IReadOnlyList<RuleDeclaration> rules, string prefix, string path, string ns, string className, string type, string? usingNamespace)
    {
        var sb = new StringBuilder(CodeWriter.Header);
        if (usingNamespace is not null)
        {
            sb.Append($"using {usingNamespace};\n\n");
        }

        sb.Append($"namespace {ns};\n\npublic static partial class {className}\n{{\n");
        sb.Append($"    private static {type}[] Create() => new {type}[]\n    {{\n");
        foreach (var r in rules.Where(r => r.Implementation?.StartsWith(prefix, StringComparison.Ordinal) == true))
        {
            sb.Append($"        new {r.Implementation![prefix.Length..]}(),\n");
        }

        sb.Append("    };\n}\n");
        return new GeneratedFile(path, sb.ToString());
    }

    private static GeneratedFile? ReadmeTable(string repoRoot, IReadOnlyList<RuleDeclaration> rules)
    {
        var path = Path.Combine(repoRoot, "README.md");
        if (!File.Exists(path))
        {
            return null;
        }

        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var begin = text.IndexOf(ReadmeBegin, StringComparison.Ordinal);
        var end = text.IndexOf(ReadmeEnd, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new InvalidDataException($"README.md: the rule table markers {ReadmeBegin} and {ReadmeEnd} are missing.");
        }

        var table = new StringBuilder(ReadmeBegin).Append("\n| id | level | rule | what it checks |\n|---|---|---|---|\n");
        foreach (var r in rules)
        {
            table.Append($"| [{r.Id}]({Path.ChangeExtension(r.YamlPath, ".md")}) | {r.Level} | {r.Name} | {r.Title.Replace("|", "\\|")} |\n");
        }

        return new GeneratedFile("README.md", text[..begin] + table + text[end..]);
    }

    /// <summary>Reads and checks every rule declaration, ordered by id.</summary>
    /// <exception cref="InvalidDataException">A declaration is malformed: a missing field, a bad id or level,
    /// a file name that does not match the id and name, a missing doc, a duplicate id.</exception>
    public static IReadOnlyList<RuleDeclaration> Load(string repoRoot)
    {
        var dir = Path.Combine(repoRoot, "rules");
        var rules = new List<RuleDeclaration>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            rules.Add(Read(repoRoot, file));
        }

        var duplicate = rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Rule id {duplicate.Key} is declared more than once.");
        }

        return rules.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    private static RuleDeclaration Read(string repoRoot, string file)
    {
        var relative = Path.GetRelativePath(repoRoot, file).Replace('\\', '/');
        var stream = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            stream.Load(reader);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            throw new InvalidDataException($"{relative}: expected one YAML mapping.");
        }

        string Required(string key) => Optional(key) ?? throw new InvalidDataException($"{relative}: '{key}' is required.");
        string? Optional(string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value?.Trim() : null;

        var known = new HashSet<string> { "id", "name", "title", "level", "category", "tags", "description", "help", "security-severity", "source", "implementation" };
        foreach (var key in map.Children.Keys.Cast<YamlScalarNode>())
        {
            if (!known.Contains(key.Value!))
            {
                throw new InvalidDataException($"{relative}: unknown field '{key.Value}'.");
            }
        }

        var id = Required("id");
        var name = Required("name");
        if (!RuleIdPattern().IsMatch(id))
        {
            throw new InvalidDataException($"{relative}: id '{id}' is not ACL followed by four digits.");
        }

        if (!RuleNamePattern().IsMatch(name))
        {
            throw new InvalidDataException($"{relative}: name '{name}' is not kebab-case.");
        }

        if (Path.GetFileName(file) != $"{id}-{name}.yaml")
        {
            throw new InvalidDataException($"{relative}: the file must be named {id}-{name}.yaml.");
        }

        var level = Required("level");
        if (!Levels.Contains(level))
        {
            throw new InvalidDataException($"{relative}: level '{level}' is not one of {string.Join(", ", Levels)}.");
        }

        var category = Required("category");
        if (Path.GetFileName(Path.GetDirectoryName(file)) != category)
        {
            throw new InvalidDataException($"{relative}: category '{category}' differs from its folder.");
        }

        var tags = map.Children.TryGetValue(new YamlScalarNode("tags"), out var tagNode) && tagNode is YamlSequenceNode seq
            ? seq.Children.Cast<YamlScalarNode>().Select(t => t.Value!).ToList()
            : throw new InvalidDataException($"{relative}: 'tags' must be a list.");
        var severity = Optional("security-severity");
        if (tags.Contains("security") != (severity is not null))
        {
            throw new InvalidDataException($"{relative}: a rule tagged 'security' needs 'security-severity', and only such a rule.");
        }

        var docPath = Path.ChangeExtension(file, ".md");
        if (!File.Exists(docPath))
        {
            throw new InvalidDataException($"{relative}: the doc {Path.GetFileName(docPath)} is missing.");
        }

        var markdown = File.ReadAllText(docPath).Replace("\r\n", "\n");
        return new RuleDeclaration(id, name, Required("title"), level, category, tags, Required("description"),
            Required("help"), severity, Optional("source"), markdown, relative, Optional("implementation"));
    }

    [GeneratedRegex("^ACL[0-9]{4}$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex RuleNamePattern();
}
