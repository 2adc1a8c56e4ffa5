using AgentCoreLint.Core.Engine;
using AgentCoreLint.Core.Loading;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Tests.Engine;

/// <summary>Which operation a request document is for, inferred from its members.</summary>
public sealed class OperationDetectionTests
{
    [Theory]
    [InlineData("""{"agentRuntimeName": "a", "agentRuntimeArtifact": {}, "roleArn": "r", "networkConfiguration": {}}""", "CreateAgentRuntime")]
    [InlineData("""{"agentRuntimeId": "a-1234567890", "agentRuntimeArtifact": {}, "roleArn": "r", "networkConfiguration": {}}""", "UpdateAgentRuntime")]
    [InlineData("""{"harnessName": "h", "executionRoleArn": "r"}""", "CreateHarness")]
    [InlineData("""{"harnessId": "h-1234567890", "maxIterations": 3}""", "UpdateHarness")]
    [InlineData("""{"name": "b", "networkConfiguration": {"networkMode": "PUBLIC"}, "recording": {"enabled": false}}""", "CreateBrowser")]
    [InlineData("""{"name": "c", "networkConfiguration": {"networkMode": "SANDBOX"}}""", "CreateCodeInterpreter")]
    [InlineData("""{"agentRuntimeNam": "a", "agentRuntimeArtifact": {}, "roleArn": "r", "networkConfiguration": {}}""", "CreateAgentRuntime")]
    [InlineData("""{"agentRuntimeName": "a", "agentRuntimeArtifact": {}, "networkConfiguration": {}, "enviromentVariables": {}}""", "CreateAgentRuntime")]
    public void Detects_the_operation(string json, string expected)
    {
        Assert.Equal(expected, OperationDetector.Detect(Load(json)).Operation);
    }

    [Fact]
    public void Ambiguous_documents_name_the_candidates()
    {
        var detection = OperationDetector.Detect(Load("""{"name": "tool", "networkConfiguration": {"networkMode": "PUBLIC"}}"""));
        Assert.Null(detection.Operation);
        Assert.Equal(new[] { "CreateBrowser", "CreateCodeInterpreter" }, detection.Candidates);
    }

    [Fact]
    public void File_name_breaks_a_tie()
    {
        var root = Load("""{"name": "tool", "networkConfiguration": {"networkMode": "PUBLIC"}}""");
        Assert.Equal("CreateCodeInterpreter", OperationDetector.Detect(root, "team-code-interpreter.json").Operation);
        Assert.Equal("CreateBrowser", OperationDetector.Detect(root, "browser.yaml").Operation);
    }

    [Theory]
    [InlineData("""{"name": "web", "version": "1.0.0", "scripts": {"test": "jest"}, "dependencies": {}}""")]
    [InlineData("""{"compilerOptions": {"strict": true}, "include": ["src"]}""")]
    [InlineData("""{"services": {"web": {"image": "nginx"}}}""")]
    public void Other_tools_files_are_not_AgentCore_documents(string json)
    {
        Assert.False(OperationDetector.Detect(Load(json)).IsAgentCoreDocument);
    }

    [Fact]
    public void Ambiguity_is_reported_as_ACL0002()
    {
        var input = Marked.Parse("""⟦{"name": "tool", "networkConfiguration": {"networkMode": "PUBLIC"}}""");
        var finding = LintHarness.Single(input, "tool.json", "ACL0002");
        Assert.Contains("CreateBrowser, CreateCodeInterpreter", finding.Message);
        Assert.Contains("--operation", finding.Message);
    }

    [Fact]
    public void Unrecognised_files_are_skipped_in_directory_mode_and_reported_when_named()
    {
        var input = Marked.Parse("""⟦{"name": "web", "version": "1.0.0", "scripts": {"test": "jest"}}""");
        Assert.Empty(LintHarness.Lint(input, "package.json", isExplicit: false));
        LintHarness.Single(input, "package.json", "ACL0002");
    }

    [Fact]
    public void Forced_operation_is_used()
    {
        var input = Marked.Parse("""⟦{"harnessName": "h", "executionRoleArn": "arn:aws:iam::123456789012:role/H"}""");
        var findings = LintHarness.Lint(input, "h.json", options: new LintOptions { Operation = "UpdateHarness" });
        var missing = Assert.Single(findings, f => f.RuleId == "ACL1001");
        Assert.Contains("'harnessId'", missing.Message);
        Assert.Equal(input.Single, missing.Span.Start);
        Assert.Contains(findings, f => f.RuleId == "ACL1002" && f.Message.Contains("'harnessName'"));
    }

    private static ObjectNode Load(string json) =>
        Assert.IsType<ObjectNode>(Assert.Single(DocumentLoader.Load(System.Text.Encoding.UTF8.GetBytes(json), "doc.json").Documents));

    [Fact]
    public void Thousands_of_unknown_members_end_as_one_finding()
    {
        var members = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => $"\"unknownMember{i}x\": {i}"));
        var input = Marked.Parse($"⟦{{\"agentRuntimeName\": \"a\", \"roleArn\": \"r\", {members}}}");
        var finding = LintHarness.Single(input, "many.json", "ACL0002");
        Assert.Contains("not recognised", finding.Message);
    }
}
