using AgentCoreLint.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace AgentCoreLint.Analyzers.Tests;

/// <summary>Runs the analyzer (and its code fix) on C# test code. Expected diagnostics are marked in the code with
/// <c>{|ACL2001:…|}</c> (the rule id and the span it marks); every diagnostic the analyzer reports must be marked.</summary>
internal static class Verify
{
    /// <summary>The usings every test file starts with.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.BedrockAgentCoreControl;
        using Amazon.BedrockAgentCoreControl.Model;

        """;

    /// <summary>The schema rules (ACL1001–ACL1007, checked by <c>SchemaRuleAnalyzerTests</c>): the tests of the other
    /// rule families leave them out, so that their requests need not be complete.</summary>
    public static readonly IReadOnlyList<string> SchemaRules = new[] { "ACL1001", "ACL1002", "ACL1003", "ACL1004", "ACL1005", "ACL1006", "ACL1007" };

    /// <summary>Asserts that the analyzer reports exactly the marked diagnostics (and those given), schema rules left out.</summary>
    public static Task Analyzer(string source, params DiagnosticResult[] expected) => Run(source, null, SchemaRules, expected);

    /// <summary>Asserts the marked diagnostics with an <c>.editorconfig</c> beside the code, schema rules left out.</summary>
    public static Task Analyzer(string source, string? editorConfig, params DiagnosticResult[] expected) =>
        Run(source, editorConfig, SchemaRules, expected);

    /// <summary>Asserts that the analyzer reports exactly the marked diagnostics with every rule on.</summary>
    public static Task AllRules(string source, params DiagnosticResult[] expected) =>
        Run(source, null, Array.Empty<string>(), expected);

    private static async Task Run(string source, string? editorConfig, IEnumerable<string> disabled, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<AgentCoreRequestAnalyzer, DefaultVerifier>
        {
            TestCode = Usings + source,
            ReferenceAssemblies = TestSdk.NoPackages,
        };
        test.DisabledDiagnostics.AddRange(disabled);
        test.TestState.AdditionalReferences.AddRange(TestSdk.References);
        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    /// <summary>Asserts that the code fix turns <paramref name="source"/> into <paramref name="fixedSource"/>, leaving
    /// only the diagnostics marked in the fixed code.</summary>
    public static async Task CodeFix<TFix>(string source, string fixedSource)
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<AgentCoreRequestAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            ReferenceAssemblies = TestSdk.NoPackages,
        };
        test.DisabledDiagnostics.AddRange(SchemaRules);
        test.TestState.AdditionalReferences.AddRange(TestSdk.References);
        test.FixedState.AdditionalReferences.AddRange(TestSdk.References);
        await test.RunAsync();
    }

    /// <summary>An expected diagnostic by rule id (for a location given with <c>WithSpan</c> or markup).</summary>
    public static DiagnosticResult Diagnostic(string ruleId) => new(Descriptors.Get(ruleId));
}
