namespace AgentCoreLint.Core;

/// <summary>The tool's identity for outputs (SARIF <c>tool.driver</c>, <c>--version</c>).</summary>
public static class ToolInfo
{
    /// <summary>The tool name.</summary>
    public const string Name = "AgentCoreLint";

    /// <summary>Where users learn about the tool and its rules.</summary>
    public const string InformationUri = Rules.Catalog.RuleCatalog.InformationUri;

    /// <summary>The product version (from <c>Directory.Build.props</c>, the single source of the version), without build metadata.</summary>
    public static string Version => Rules.Catalog.RuleCatalog.Version;
}
