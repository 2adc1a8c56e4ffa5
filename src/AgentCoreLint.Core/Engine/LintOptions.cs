using AgentCoreLint.Core.Loading;

namespace AgentCoreLint.Core.Engine;

/// <summary>Options of a lint run. Defaults are what a pre-commit hook or a CI job needs.</summary>
public sealed record LintOptions
{
    /// <summary>The default largest input, in bytes (32 MiB): far above any request, template or plan of AgentCore
    /// resources, far below what would stall a pre-commit hook.</summary>
    public const long DefaultMaxFileBytes = 32L * 1024 * 1024;

    /// <summary>Forces every request document to be checked as this operation (e.g. <c>UpdateAgentRuntime</c>)
    /// instead of inferring it; null to infer.</summary>
    public string? Operation { get; init; }

    /// <summary>The absolute folder that result paths are relative to (SARIF <c>%SRCROOT%</c>). Null: the root of
    /// the git repository around the current directory, or the current directory outside a repository.</summary>
    public string? SourceRoot { get; init; }

    /// <summary>Parser limits (file size, nesting depth, node count, YAML aliases).</summary>
    public LoadOptions Load { get; init; } = new() { MaxFileBytes = DefaultMaxFileBytes };

    /// <summary>How many files to lint at once; null for one per processor.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>When true, files named explicitly are judged like files found in a directory: a JSON or YAML document
    /// that is not an AgentCore request, template or plan is skipped without a finding instead of reported as ACL0002.
    /// Files that cannot be parsed (ACL0001) and ambiguous documents (ACL0002) are still reported. For pre-commit,
    /// which names every staged JSON and YAML file.</summary>
    public bool SkipUnrecognizedFiles { get; init; }

    /// <summary>The SARIF <c>runAutomationDetails.id</c> (GitHub code scanning category), ending in '/'.</summary>
    public string AutomationId { get; init; } = "agentcorelint/";
}
