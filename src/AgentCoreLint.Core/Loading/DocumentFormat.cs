namespace AgentCoreLint.Core.Loading;

/// <summary>The text format a file is parsed as.</summary>
public enum DocumentFormat
{
    /// <summary>JSON (RFC 8259), strict: comments, trailing commas and duplicate keys are findings.</summary>
    Json,

    /// <summary>YAML 1.2 (core schema), one or more documents.</summary>
    Yaml,

    /// <summary>HCL native syntax (Terraform <c>.tf</c> and <c>.tfvars</c>), read into a <see cref="Terraform.HclDocument"/>.</summary>
    Hcl,
}
