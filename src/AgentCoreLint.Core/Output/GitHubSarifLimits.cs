namespace AgentCoreLint.Core.Output;

/// <summary>
/// The hard limits GitHub code scanning applies to an uploaded SARIF file; a file over any of them is rejected
/// as a whole. Source: GitHub Docs, "SARIF results exceed one or more limits"
/// (<c>code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit</c>).
/// </summary>
public static class GitHubSarifLimits
{
    /// <summary>Results per run.</summary>
    public const int MaxResultsPerRun = 25_000;

    /// <summary>Rules per run (<c>tool.driver.rules</c>). The writer lists only rules that have a result, so
    /// this can only be reached with <see cref="MaxResultsPerRun"/> results of distinct rules.</summary>
    public const int MaxRulesPerRun = 25_000;

    /// <summary>Tags per rule (<c>properties.tags</c>); only the first 10 are shown.</summary>
    public const int MaxTagsPerRule = 20;

    /// <summary>Locations per result. Every result has exactly one location, so this is never reached.</summary>
    public const int MaxLocationsPerResult = 1_000;
}
