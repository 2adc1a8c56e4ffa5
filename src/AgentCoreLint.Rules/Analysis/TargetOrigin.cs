using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Rules.Analysis;

/// <summary>
/// Where a request came from, when that matters for its findings: the violations of the input's own contract
/// (a CloudFormation resource schema), merged by the engine with the API findings so that one problem yields one
/// finding, and a prefix naming the resource in every message (a Terraform address: plans are one long line, so the
/// position alone does not tell the user which resource is meant).
/// </summary>
public sealed record TargetOrigin
{
    /// <summary>Findings against the input's own contract (ACL1xxx for its schema), suppressions not yet applied.</summary>
    public IReadOnlyList<Finding> SourceContractFindings { get; init; } = Array.Empty<Finding>();

    /// <summary>Members the input's contract already reported missing (ACL1001), as the pointer of the object that lacks
    /// them and the member's name: the API check's ACL1001 for the same member (compared without regard to case, since
    /// CloudFormation spells <c>AgentRuntimeName</c> what the API spells <c>agentRuntimeName</c>) is not reported again.</summary>
    public IReadOnlyCollection<(string Pointer, string Member)> ReportedMissing { get; init; } = Array.Empty<(string, string)>();

    /// <summary>Text put before every message of the request's findings, e.g. <c>aws_bedrockagentcore_agent_runtime.support: </c>.</summary>
    public string? MessagePrefix { get; init; }
}
