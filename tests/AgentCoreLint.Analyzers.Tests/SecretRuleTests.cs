using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentCoreLint.Analyzers.Tests;

/// <summary>ACL3001 (literal secret in environment variables) and ACL3002 (literal secret in another sensitive
/// field) on C# requests: both dictionary initializer forms, constants, and never the secret in a message.</summary>
public sealed class SecretRuleTests
{
    private const string AccessKey = "AKIAQ3VJ7XKZ2M5RB8TN";

    [Fact]
    public Task Secrets_in_both_dictionary_forms_and_in_constants_are_reported() => Verify.Analyzer("""
        class C
        {
            const string Prefix = "AKIA";
            const string Password = "Tr0ub4dor-and-3-horses";

            static CreateHarnessRequest Build() => new CreateHarnessRequest
            {
                HarnessName = "research_assistant",
                EnvironmentVariables = new Dictionary<string, string>
                {
                    { "AWS_ACCESS_KEY_ID", {|ACL3001:Prefix + "Q3VJ7XKZ2M5RB8TN"|} },
                    { "LOG_LEVEL", "info" },
                },
            };

            static CreateHarnessRequest Indexed() => new CreateHarnessRequest
            {
                HarnessName = "research_assistant",
                EnvironmentVariables = new Dictionary<string, string>
                {
                    ["DB_PASSWORD"] = {|ACL3001:Password|},
                    ["LOG_LEVEL"] = "info",
                },
            };
        }
        """);

    [Fact]
    public Task Secret_in_a_memory_description_is_reported_through_the_CreateMemory_operation() => Verify.Analyzer("""
        class C
        {
            static async Task Send(IAmazonBedrockAgentCoreControl client) =>
                await client.CreateMemoryAsync(new CreateMemoryRequest
                {
                    Name = "support_memory",
                    EventExpiryDuration = 30,
                    Description = {|ACL3002:"Calls the CRM with sk-ant-api03-EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE-EXAMPLEAA"|},
                });
        }
        """);

    [Fact]
    public Task Values_unknown_at_compile_time_are_not_judged() => Verify.Analyzer("""
        class C
        {
            static readonly string Token = "ghp_" + "0123456789abcdefghijklmnopqrstuvwxyzAB";

            static CreateHarnessRequest Build(string password, Dictionary<string, string> more) => new CreateHarnessRequest
            {
                HarnessName = "research_assistant",
                EnvironmentVariables = new Dictionary<string, string>
                {
                    ["DB_PASSWORD"] = password,
                    ["GITHUB_TOKEN"] = Token,
                    ["API_KEY"] = Environment.GetEnvironmentVariable("API_KEY"),
                    ["SECRET_KEY"] = ReadSecret(),
                    [Key()] = "Tr0ub4dor-and-3-horses",
                },
            };

            static string ReadSecret() => "";
            static string Key() => "DB_PASSWORD";
        }
        """);

    [Fact]
    public async Task No_message_contains_the_secret()
    {
        var source = Verify.Usings + $$"""
            class C
            {
                static CreateAgentRuntimeRequest Build() => new CreateAgentRuntimeRequest
                {
                    EnvironmentVariables = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "{{AccessKey}}", ["DB_PASSWORD"] = "Tr0ub4dor-and-3-horses" },
                };
            }
            """;
        var diagnostics = await Analyze.Run(source);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "ACL3001"));
        Assert.All(diagnostics, d =>
        {
            Assert.DoesNotContain(AccessKey, d.GetMessage(), StringComparison.Ordinal);
            Assert.DoesNotContain("Tr0ub4dor", d.GetMessage(), StringComparison.Ordinal);
        });
    }
}

/// <summary>Runs the analyzer on a compilation directly, for tests that read the diagnostics themselves.</summary>
internal static class Analyze
{
    public static async Task<IReadOnlyList<Diagnostic>> Run(string source, string? editorConfig = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: "/src/Request.cs");
        var compilation = CSharpCompilation.Create("Consumer", new[] { tree }, TestSdk.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var options = new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty);
        var analyzers = System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new AgentCoreRequestAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
    }
}
