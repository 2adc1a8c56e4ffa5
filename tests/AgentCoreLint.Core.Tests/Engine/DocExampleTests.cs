using System.Text;
using System.Text.RegularExpressions;
using AgentCoreLint.Core.Engine;

namespace AgentCoreLint.Core.Tests.Engine;

/// <summary>
/// Every fenced example in the rule docs (<c>rules/**/*.md</c>, info string <c>json|yaml operation=&lt;Op|auto|none&gt;
/// expect=&lt;RULE|none&gt;</c>) runs through the whole engine: a non-compliant example reports its rule and no
/// other error or warning; a compliant example reports nothing. The docs cannot drift from the behaviour.
/// </summary>
public sealed partial class DocExampleTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var doc in Directory.EnumerateFiles(Path.Combine(SampleTests.RepoRoot(), "rules"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var count = Fence().Matches(File.ReadAllText(doc)).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(Path.GetRelativePath(SampleTests.RepoRoot(), doc).Replace('\\', '/'), i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Doc_example_behaves_as_documented(string doc, int index)
    {
        var match = Fence().Matches(File.ReadAllText(Path.Combine(SampleTests.RepoRoot(), doc)))[index];
        var (format, operation, expect, body) = (match.Groups["format"].Value, match.Groups["op"].Value, match.Groups["expect"].Value, match.Groups["body"].Value);
        var options = operation is "auto" or "none" ? new LintOptions() : new LintOptions { Operation = operation };

        var outcome = Linter.CreateDefault().LintContent(Encoding.UTF8.GetBytes(body), $"example.{format}", isExplicit: true, options);
        var reported = outcome.Findings.Where(f => f.Level >= Rules.Findings.FindingLevel.Warning || f.RuleId == expect).Select(f => $"{f.RuleId}: {f.Message}").ToList();

        if (expect == "none")
        {
            Assert.Empty(reported);
        }
        else
        {
            Assert.Contains(reported, r => r.StartsWith(expect + ":", StringComparison.Ordinal));
            Assert.All(reported, r => Assert.StartsWith(expect + ":", r));
        }
    }

    [GeneratedRegex("```(?<format>json|yaml) operation=(?<op>\\S+) expect=(?<expect>\\S+)\\n(?<body>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
