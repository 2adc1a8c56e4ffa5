using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Loading;

/// <summary>The result of loading one file: its document trees and its parse findings (all ACL0001).</summary>
public sealed record LoadedDocument
{
    /// <summary>The document trees: one for JSON; one per YAML document (<c>---</c>), in file order. Empty when the file
    /// could not be parsed. For YAML, documents completed before a syntax error are kept.</summary>
    public required IReadOnlyList<DocNode> Documents { get; init; }

    /// <summary>ACL0001 findings, in file order. A file can have findings and still have documents (JSON comments,
    /// trailing commas, duplicate keys); a file over a safety limit has exactly one finding and no documents.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
}
