namespace AgentCoreLint.Core.Loading;

/// <summary>
/// Safety limits for <see cref="DocumentLoader"/>. The defaults fit every real request document and
/// infrastructure-as-code template; they exist so that hostile input (huge, deeply nested, alias bombs) ends as one
/// ACL0001 finding for the file instead of a hang, an out-of-memory or a stack overflow.
/// </summary>
public sealed record LoadOptions
{
    /// <summary>The default limits.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>The largest file parsed, in bytes (default 8 MiB). A larger file is not parsed at all.</summary>
    public long MaxFileBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>The deepest nesting of objects and lists (default 256; the root object is level 1).</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>The most values (objects, lists, scalars, alias copies included) in one file (default 1,000,000).</summary>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>The most YAML alias occurrences (<c>*name</c>) in one file (default 10,000).</summary>
    public int MaxAliasReferences { get; init; } = 10_000;

    /// <summary>The most values that YAML aliases and merge keys may expand to in one file (default 100,000).
    /// Each alias copies its anchor's subtree, so this is what stops "billion laughs" alias bombs.</summary>
    public int MaxAliasExpandedNodes { get; init; } = 100_000;

    /// <summary>The most ACL0001 findings reported for one file (default 100); further problems are summarised in
    /// one last finding.</summary>
    public int MaxFindings { get; init; } = 100;
}
