using System.Globalization;
using System.Xml;
using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Output;

/// <summary>
/// Writes a report as JUnit XML, the test report format GitLab (<c>artifacts:reports:junit</c>), Jenkins
/// (<c>junit</c> step), Azure DevOps (<c>PublishTestResults</c>, format JUnit) and most CI systems display:
/// <code>
/// &lt;testsuites name="AgentCoreLint" tests="2" failures="1" errors="0" time="0"&gt;
///   &lt;testsuite name="infra/agent.json" file="infra/agent.json" tests="2" failures="1" errors="0" skipped="0" time="0"&gt;
///     &lt;testcase name="ACL2001 at 12:7" classname="infra/agent.json" time="0"&gt;
///       &lt;failure type="ACL2001" message="mountPath '/mnt/a/b' has …"&gt;infra/agent.json(12,7): error ACL2001: …&lt;/failure&gt;
///     &lt;/testcase&gt;
///     &lt;testcase name="ACL4002 at 3:20" classname="infra/agent.json" time="0"&gt;
///       &lt;system-out&gt;infra/agent.json(3,20): note ACL4002: …&lt;/system-out&gt;
///     &lt;/testcase&gt;
///   &lt;/testsuite&gt;
/// &lt;/testsuites&gt;
/// </code>
/// One test suite per file with results, one test case per result. A result at or above the fail level is a
/// <c>failure</c>, so the report fails exactly when the exit code does; one below it passes, with its line as
/// <c>system-out</c>; one suppressed by a baseline is <c>skipped</c>. A file that could not be processed adds a test
/// case with an <c>error</c>. A run without any result writes one passing test case, <c>AgentCoreLint.lint</c>, so
/// that a consumer which rejects an empty report (Jenkins does) sees a test.
/// </summary>
/// <remarks>The output validates against the Jenkins JUnit schema (<c>junit-10.xsd</c> of the Jenkins xUnit plugin):
/// only its elements and attributes are used, and <c>time</c> is always <c>0</c> so that reports are deterministic.
/// Paths are relative to the source root; text XML cannot hold is escaped as <c>\uXXXX</c>.</remarks>
public sealed class JUnitReportWriter : IReportWriter
{
    private readonly FindingLevel _failLevel;

    /// <summary>Creates a JUnit writer.</summary>
    /// <param name="failLevel">Results at or above this level are failures (the CLI passes <c>--fail-level</c>).</param>
    public JUnitReportWriter(FindingLevel failLevel = FindingLevel.Error) => _failLevel = failLevel;

    /// <inheritdoc />
    public void Write(LintReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);

        var suites = Suites(report);
        using (var xml = XmlReport.Create(writer))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", ToolInfo.Name);
            xml.WriteAttributeString("tests", Number(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", Number(suites.Sum(s => s.Count(CaseOutcome.Failure))));
            xml.WriteAttributeString("errors", Number(suites.Sum(s => s.Count(CaseOutcome.Error))));
            xml.WriteAttributeString("time", "0");
            foreach (var suite in suites)
            {
                WriteSuite(xml, suite);
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write('\n');
    }

    private List<Suite> Suites(LintReport report)
    {
        var suites = new List<Suite>();
        var byPath = new Dictionary<string, Suite>(StringComparer.Ordinal);
        Suite SuiteOf(string path)
        {
            if (!byPath.TryGetValue(path, out var suite))
            {
                suite = new Suite(path, path, new List<Case>());
                byPath.Add(path, suite);
                suites.Add(suite);
            }

            return suite;
        }

        foreach (var result in report.Results)
        {
            var finding = result.Finding;
            var path = result.File.RelativePath;
            var text = $"{path}({Number(finding.Span.Start.Line)},{Number(finding.Span.Start.Column)}): {finding.Level.ToSarif()} {finding.RuleId}: {finding.Message}";
            var outcome = result.IsSuppressed ? CaseOutcome.Skipped : finding.Level >= _failLevel ? CaseOutcome.Failure : CaseOutcome.Passed;
            SuiteOf(path).Cases.Add(new Case($"{finding.RuleId} at {Number(finding.Span.Start.Line)}:{Number(finding.Span.Start.Column)}",
                path, outcome, finding.RuleId, finding.Message, text));
        }

        foreach (var notification in report.Notifications)
        {
            var path = notification.File.RelativePath;
            SuiteOf(path).Cases.Add(new Case("file could not be processed", path, CaseOutcome.Error, ToolInfo.Name, notification.Message,
                $"{path}: error: {notification.Message}"));
        }

        if (suites.Count == 0)
        {
            suites.Add(new Suite(ToolInfo.Name, null, new List<Case>
            {
                new("lint", ToolInfo.Name, CaseOutcome.Passed, "", "", TextReportWriter.Summary(report)),
            }));
        }

        return suites;
    }

    private static void WriteSuite(XmlWriter xml, Suite suite)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", XmlReport.Clean(suite.Name));
        if (suite.File is not null)
        {
            xml.WriteAttributeString("file", XmlReport.Clean(suite.File));
        }

        xml.WriteAttributeString("tests", Number(suite.Cases.Count));
        xml.WriteAttributeString("failures", Number(suite.Count(CaseOutcome.Failure)));
        xml.WriteAttributeString("errors", Number(suite.Count(CaseOutcome.Error)));
        xml.WriteAttributeString("skipped", Number(suite.Count(CaseOutcome.Skipped)));
        xml.WriteAttributeString("time", "0");
        foreach (var test in suite.Cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", XmlReport.Clean(test.Name));
            xml.WriteAttributeString("classname", XmlReport.Clean(test.ClassName));
            xml.WriteAttributeString("time", "0");
            switch (test.Outcome)
            {
                case CaseOutcome.Failure:
                case CaseOutcome.Error:
                    xml.WriteStartElement(test.Outcome == CaseOutcome.Failure ? "failure" : "error");
                    xml.WriteAttributeString("type", XmlReport.Clean(test.Type));
                    xml.WriteAttributeString("message", XmlReport.Clean(test.Message));
                    xml.WriteString(XmlReport.Clean(test.Text));
                    xml.WriteEndElement();
                    break;
                case CaseOutcome.Skipped:
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", "suppressed by the baseline");
                    xml.WriteString(XmlReport.Clean(test.Text));
                    xml.WriteEndElement();
                    break;
                default:
                    xml.WriteElementString("system-out", XmlReport.Clean(test.Text));
                    break;
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private enum CaseOutcome
    {
        Passed,
        Failure,
        Error,
        Skipped,
    }

    private sealed record Case(string Name, string ClassName, CaseOutcome Outcome, string Type, string Message, string Text);

    private sealed record Suite(string Name, string? File, List<Case> Cases)
    {
        public int Count(CaseOutcome outcome) => Cases.Count(c => c.Outcome == outcome);
    }
}
