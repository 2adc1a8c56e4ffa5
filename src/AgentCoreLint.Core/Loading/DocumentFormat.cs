namespace AgentCoreLint.Core.Loading;

/// <summary>The text format a file is parsed as.</summary>
public enum DocumentFormat
{
    /// <summary>JSON (RFC 8259), strict: comments, trailing commas and duplicate keys are findings.</summary>
    Json,

    /// <summary>YAML 1.2 (core schema), one or more documents.</summary>
    Yaml,
}
