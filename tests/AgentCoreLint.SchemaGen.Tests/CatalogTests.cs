using System.Text.RegularExpressions;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>Catalog invariants: every rule is declared once, well-formed, in its id range, with a doc that has
/// runnable examples.</summary>
public sealed class CatalogTests
{
    private static readonly IReadOnlyList<RuleDeclaration> Rules = CatalogGenerator.Load(TestRepo.Root);

    [Fact]
    public void Ids_are_unique_and_in_the_range_of_their_category()
    {
        Assert.Equal(Rules.Count, Rules.Select(r => r.Id).Distinct().Count());
        foreach (var rule in Rules)
        {
            var range = rule.Id[3];
            var expected = rule.Category switch
            {
                "input" => '0',
                "schema" => '1',
                "storage" or "network" => '2',
                "secrets" or "identity" => '3',
                "hygiene" or "policy" => '4',
                _ => '?',
            };
            Assert.True(range == expected, $"{rule.Id} is in category '{rule.Category}', whose ids are ACL{expected}xxx.");
        }
    }

    [Fact]
    public void The_fixed_ids_of_the_architecture_exist()
    {
        var ids = Rules.Select(r => r.Id).ToHashSet();
        foreach (var id in new[] { "ACL0001", "ACL0002", "ACL0003", "ACL1001", "ACL1002", "ACL1003", "ACL1004", "ACL1005", "ACL1006",
                     "ACL1007", "ACL1008", "ACL2001", "ACL2002", "ACL2101", "ACL2102", "ACL3001", "ACL3002" })
        {
            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public void Every_doc_has_the_sections_and_a_failing_and_a_passing_example()
    {
        foreach (var rule in Rules)
        {
            Assert.StartsWith($"# {rule.Id} {rule.Name}: ", rule.Markdown);
            foreach (var section in new[] { "## Why", "## Non-compliant", "## Compliant", "## How to fix", "## References" })
            {
                Assert.True(rule.Markdown.Contains(section, StringComparison.Ordinal), $"{rule.Id}: the doc lacks '{section}'.");
            }

            Assert.Matches(new Regex($"```\\w+ operation=\\S+ expect={rule.Id}\\n"), rule.Markdown);
            Assert.Matches(new Regex("```\\w+ operation=\\S+ expect=none\\n"), rule.Markdown);
        }
    }

    [Fact]
    public void Security_rules_carry_a_security_severity()
    {
        foreach (var rule in Rules.Where(r => r.Tags.Contains("security")))
        {
            Assert.True(double.TryParse(rule.SecuritySeverity, System.Globalization.CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 10,
                $"{rule.Id}: security-severity must be a score from 0.0 to 10.0.");
        }
    }

    [Fact]
    public void A_malformed_declaration_is_rejected_with_its_file_named()
    {
        var root = Directory.CreateTempSubdirectory("acl-catalog-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "rules", "storage"));
            File.WriteAllText(Path.Combine(root, "rules", "storage", "ACL2999-bad.yaml"), "id: ACL2999\nname: bad\ntitle: t\nlevel: fatal\ncategory: storage\ntags: [x]\ndescription: d\nhelp: h\n");
            File.WriteAllText(Path.Combine(root, "rules", "storage", "ACL2999-bad.md"), "# ACL2999 bad: t\n");
            var error = Assert.Throws<InvalidDataException>(() => CatalogGenerator.Load(root));
            Assert.Contains("ACL2999-bad.yaml", error.Message);
            Assert.Contains("level 'fatal'", error.Message);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
