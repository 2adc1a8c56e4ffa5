using AgentCoreLint.Core.Output;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;
using Microsoft.CodeAnalysis;

namespace AgentCoreLint.Analyzers.Tests;

/// <summary>The descriptors come from the rule catalog (one per rule, the CLI's ids, titles, levels and help
/// links), and <c>.editorconfig</c> severities apply to them.</summary>
public sealed class DescriptorTests
{
    [Fact]
    public void Every_catalog_rule_has_one_descriptor_with_its_metadata()
    {
        var supported = new AgentCoreRequestAnalyzer().SupportedDiagnostics;
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), supported.Select(d => d.Id));
        foreach (var rule in RuleCatalog.All)
        {
            var descriptor = supported.Single(d => d.Id == rule.Id);
            Assert.Equal(rule.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Description, descriptor.Description.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(SarifReportWriter.HelpUri(rule), descriptor.HelpLinkUri);
            Assert.Equal(rule.DefaultLevel switch
            {
                FindingLevel.Error => DiagnosticSeverity.Error,
                FindingLevel.Warning => DiagnosticSeverity.Warning,
                FindingLevel.Note => DiagnosticSeverity.Info,
                _ => DiagnosticSeverity.Hidden,
            }, descriptor.DefaultSeverity);
        }
    }

    [Fact]
    public Task Editorconfig_changes_the_severity_and_can_switch_a_rule_off() => Verify.Analyzer("""
        class C
        {
            static UpdateAgentRuntimeRequest Build() => new UpdateAgentRuntimeRequest
            {
                FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = {|#0:"/mnt/a/b"|} } }],
                EnvironmentVariables = new() { ["DB_PASSWORD"] = "Tr0ub4dor-and-3-horses" },
            };
        }
        """, """
        root = true

        [*.cs]
        dotnet_diagnostic.ACL2001.severity = warning
        dotnet_diagnostic.ACL3001.severity = none
        """, Verify.Diagnostic("ACL2001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
            .WithArguments("mountPath '/mnt/a/b' has 2 directory levels below /mnt; use exactly one, e.g. '/mnt/a'."));
}
