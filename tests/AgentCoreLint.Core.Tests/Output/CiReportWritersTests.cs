using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using static AgentCoreLint.Core.Tests.Output.OutputFixtures;

namespace AgentCoreLint.Core.Tests.Output;

public sealed class GitHubActionsReportWriterTests
{
    [Fact]
    public void Writes_one_workflow_command_per_unsuppressed_result_and_failed_file_then_the_summary()
    {
        var lines = Write(new GitHubActionsReportWriter(), RealisticReport()).Split('\n');
        Assert.Equal(
            [
                "::error file=infra/my stack/template.yaml,line=14,endLine=14,col=24,endColumn=40,title=ACL2001::Mount path '/mnt/data/cache' must be exactly one directory below /mnt, e.g. '/mnt/data'.",
                "::error file=infra/my stack/template.yaml,line=21,endLine=21,col=22,endColumn=41,title=ACL3001::Environment variable 'DB_PASSWORD' holds a literal password ('hu****', 18 characters); store it in AWS Secrets Manager and pass its ARN.",
                "::error file=requests/create-runtime.json,line=1,endLine=1,col=1,endColumn=1,title=ACL1001::Required member 'roleArn' is missing from CreateAgentRuntime.",
                "::warning file=requests/create-runtime.json,line=9,endLine=9,col=5,endColumn=23,title=ACL2102::networkModeConfig is ignored because networkMode is PUBLIC; set networkMode to VPC or remove networkModeConfig.",
                "::error file=requests/unreadable.json,title=AgentCoreLint::The file could not be read: permission denied.",
                "3 errors, 1 warning, 0 notes in 4 files (3 requests checked); 1 suppressed by the baseline; 1 file not processed",
                "",
            ],
            lines);
    }

    [Fact]
    public void Notes_are_notices_and_a_multi_line_region_has_no_columns()
    {
        var report = Report([Result(CreateRequest, "ACL4002", FindingLevel.Note, "n", SourceSpan.Of(3, 5, 6, 2), "/a")]);
        Assert.StartsWith("::notice file=requests/create-runtime.json,line=3,endLine=6,title=ACL4002::n\n", Write(new GitHubActionsReportWriter(), report));
    }

    [Fact]
    public void Text_from_the_input_cannot_end_the_command_or_start_another()
    {
        var file = new SourceFile("/r/a:b,c%.json", "a:b,c%.json");
        var report = Report([Result(file, "ACL1002", FindingLevel.Error, "Unknown member '100%\r\n::warning file=x::injected'.", SourceSpan.Of(2, 3, 2, 9), "/a")]);

        var lines = Write(new GitHubActionsReportWriter(), report).Split('\n');

        Assert.Equal("::error file=a%3Ab%2Cc%25.json,line=2,endLine=2,col=3,endColumn=8,title=ACL1002::Unknown member '100%25%0D%0A::warning file=x::injected'.", lines[0]);
        Assert.Single(lines, l => l.StartsWith("::", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "plain", "plain")]
    [InlineData("50% a:b, c\r\nd", "50%25 a:b, c%0D%0Ad", "50%25 a%3Ab%2C c%0D%0Ad")]
    public void Escapes_as_the_actions_toolkit_does(string text, string data, string property)
    {
        Assert.Equal(data, GitHubActionsReportWriter.EscapeData(text));
        Assert.Equal(property, GitHubActionsReportWriter.EscapeProperty(text));
    }
}

public sealed class JUnitReportWriterTests
{
    [Fact]
    public void The_report_validates_against_the_Jenkins_JUnit_schema_and_fails_as_the_exit_code_does()
    {
        var xml = Write(new JUnitReportWriter(), RealisticReport());

        var doc = XmlSchemas.Validate(xml, "junit.xsd");
        var root = doc.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("6", "3", "1"), ((string?)root.Attribute("tests"), (string?)root.Attribute("failures"), (string?)root.Attribute("errors")));
        var suites = root.Elements("testsuite").ToList();
        Assert.Equal(["infra/my stack/template.yaml", "requests/create-runtime.json", "requests/update-runtime.json", "requests/unreadable.json"],
            suites.Select(s => (string?)s.Attribute("name")));

        var mount = suites[0].Elements("testcase").First();
        Assert.Equal("ACL2001 at 14:24", (string?)mount.Attribute("name"));
        Assert.Equal("infra/my stack/template.yaml", (string?)mount.Attribute("classname"));
        var failure = mount.Element("failure")!;
        Assert.Equal("ACL2001", (string?)failure.Attribute("type"));
        Assert.Equal("Mount path '/mnt/data/cache' must be exactly one directory below /mnt, e.g. '/mnt/data'.", (string?)failure.Attribute("message"));
        Assert.StartsWith("infra/my stack/template.yaml(14,24): error ACL2001: Mount path", failure.Value);

        // The warning is below the default fail level: it passes, and its line is kept as output.
        var warning = suites[1].Elements("testcase").Single(c => ((string?)c.Attribute("name"))!.StartsWith("ACL2102", StringComparison.Ordinal));
        Assert.Null(warning.Element("failure"));
        Assert.Contains("warning ACL2102", warning.Element("system-out")!.Value);

        Assert.NotNull(suites[2].Element("testcase")!.Element("skipped"));
        Assert.Equal("1", (string?)suites[2].Attribute("skipped"));
        Assert.Equal("The file could not be read: permission denied.", (string?)suites[3].Element("testcase")!.Element("error")!.Attribute("message"));
    }

    [Fact]
    public void The_fail_level_decides_what_is_a_failure()
    {
        var doc = XmlSchemas.Validate(Write(new JUnitReportWriter(FindingLevel.Warning), RealisticReport()), "junit.xsd");
        Assert.Equal("4", (string?)doc.Root!.Attribute("failures"));
    }

    [Fact]
    public void A_run_without_results_still_has_one_passing_test()
    {
        var report = new LintReport { Results = [], FilesScanned = 2, TargetsChecked = 2, SourceRoot = "/r" };

        var doc = XmlSchemas.Validate(Write(new JUnitReportWriter(), report), "junit.xsd");

        var test = doc.Root!.Element("testsuite")!.Element("testcase")!;
        Assert.Equal(("lint", "AgentCoreLint"), ((string?)test.Attribute("name"), (string?)test.Attribute("classname")));
        Assert.Equal("0 errors, 0 warnings, 0 notes in 2 files (2 requests checked)", test.Element("system-out")!.Value);
        Assert.Equal("0", (string?)doc.Root.Attribute("failures"));
    }

    [Fact]
    public void Characters_XML_cannot_hold_are_escaped_not_written()
    {
        var report = Report([Result(CreateRequest, "ACL1002", FindingLevel.Error, "Unknown member 'a\u0001b\uD800c\uFFFEd' <&>.", SourceSpan.Of(2, 3, 2, 9), "/a")]);

        var doc = XmlSchemas.Validate(Write(new JUnitReportWriter(), report), "junit.xsd");

        Assert.Equal(@"Unknown member 'a\u0001b\uD800c\uFFFEd' <&>.", (string?)doc.Descendants("failure").Single().Attribute("message"));
    }
}

public sealed class CheckstyleReportWriterTests
{
    [Fact]
    public void The_report_validates_against_the_checkstyle_structure_with_one_file_element_per_file()
    {
        var doc = XmlSchemas.Validate(Write(new CheckstyleReportWriter(), RealisticReport()), "checkstyle.xsd");

        Assert.Equal("4.3", (string?)doc.Root!.Attribute("version"));
        var files = doc.Root.Elements("file").ToList();
        // The suppressed result's file has nothing left to report.
        Assert.Equal(["infra/my stack/template.yaml", "requests/create-runtime.json", "requests/unreadable.json"], files.Select(f => (string?)f.Attribute("name")));
        var first = files[0].Elements("error").First();
        Assert.Equal(("14", "24", "error", "AgentCoreLint.ACL2001"),
            ((string?)first.Attribute("line"), (string?)first.Attribute("column"), (string?)first.Attribute("severity"), (string?)first.Attribute("source")));
        Assert.Equal(["error", "warning"], files[1].Elements("error").Select(e => (string?)e.Attribute("severity")));
        var unreadable = files[2].Element("error")!;
        Assert.Equal(("1", null, "AgentCoreLint"), ((string?)unreadable.Attribute("line"), (string?)unreadable.Attribute("column"), (string?)unreadable.Attribute("source")));
    }

    [Fact]
    public void Notes_are_info()
    {
        var report = Report([Result(CreateRequest, "ACL4002", FindingLevel.Note, "n", SourceSpan.Of(3, 5, 3, 9), "/a")]);
        var doc = XmlSchemas.Validate(Write(new CheckstyleReportWriter(), report), "checkstyle.xsd");
        Assert.Equal("info", (string?)doc.Descendants("error").Single().Attribute("severity"));
    }
}

/// <summary>A literal secret is found, and no output format prints it.</summary>
public sealed class SecretsInReportsTests
{
    private const string AccessKey = "AKIAZ7QRSTUVWXYZ2345";
    private const string Password = "Zq8#vT2!pLm9xW4$kR7c";

    public static TheoryData<string> Formats => new() { "text", "sarif", "json", "github", "junit", "checkstyle" };

    [Theory]
    [MemberData(nameof(Formats))]
    public void No_output_format_prints_a_secret_it_reports(string format)
    {
        var request = $$"""
            {
              "agentRuntimeName": "support_agent",
              "agentRuntimeArtifact": { "containerConfiguration": { "containerUri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.0" } },
              "roleArn": "arn:aws:iam::123456789012:role/Runtime",
              "networkConfiguration": { "networkMode": "PUBLIC" },
              "environmentVariables": { "AWS_ACCESS_KEY_ID": "{{AccessKey}}", "ORDERS_DB_PASSWORD": "{{Password}}" }
            }
            """;
        var report = Linter.CreateDefault().LintInput(System.Text.Encoding.UTF8.GetBytes(request), "/work/repo/runtime.json",
            new LintOptions { SourceRoot = "/work/repo" });
        Assert.Equal(2, report.Results.Count(r => r.Finding.RuleId == "ACL3001"));

        IReportWriter writer = format switch
        {
            "text" => new TextReportWriter(showHelpLinks: true),
            "sarif" => new SarifReportWriter(),
            "json" => new JsonReportWriter(),
            "github" => new GitHubActionsReportWriter(),
            "junit" => new JUnitReportWriter(),
            _ => new CheckstyleReportWriter(),
        };
        var output = Write(writer, report);

        Assert.Contains("ACL3001", output);
        Assert.Contains("AWS_ACCESS_KEY_ID", output);
        Assert.DoesNotContain(AccessKey, output);
        Assert.DoesNotContain(AccessKey[4..], output);
        Assert.DoesNotContain(Password, output);
        Assert.DoesNotContain(Password[4..], output);
    }
}

/// <summary>Validation against the test project's XML schemas (<c>Output/schemas/</c>).</summary>
internal static class XmlSchemas
{
    /// <summary>Parses <paramref name="xml"/>, validating it against the named schema; fails the test on any error or warning.</summary>
    public static XDocument Validate(string xml, string schemaFile)
    {
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        using (var schema = XmlReader.Create(RepoPaths.Get("tests", "AgentCoreLint.Core.Tests", "Output", "schemas", schemaFile)))
        {
            settings.Schemas.Add(null, schema);
        }

        var problems = new List<string>();
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} at {e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var doc = XDocument.Load(reader);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + xml);
        return doc;
    }
}
