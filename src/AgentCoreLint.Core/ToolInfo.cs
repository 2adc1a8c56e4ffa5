using System.Reflection;

namespace AgentCoreLint.Core;

/// <summary>The tool's identity for outputs (SARIF <c>tool.driver</c>, <c>--version</c>).</summary>
public static class ToolInfo
{
    /// <summary>The tool name.</summary>
    public const string Name = "AgentCoreLint";

    /// <summary>Where users learn about the tool and its rules.</summary>
    public const string InformationUri = "https://github.com/agentcorelint/agentcorelint";

    /// <summary>The product version (from <c>Directory.Build.props</c>, the single source of the version), without build metadata.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus >= 0 ? informational[..plus] : informational;
    }
}
