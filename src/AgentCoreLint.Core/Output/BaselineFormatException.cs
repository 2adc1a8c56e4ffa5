namespace AgentCoreLint.Core.Output;

/// <summary>A baseline file is not a SARIF log written by AgentCoreLint (not JSON, wrong shape, results without
/// AgentCoreLint fingerprints). The CLI reports it as ACL0003 (invalid configuration) and exits with code 2.</summary>
/// <remarks>The message names the problem and the place in the SARIF structure (e.g. <c>runs[0].results[3]</c>),
/// never content of the file.</remarks>
public sealed class BaselineFormatException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong.</summary>
    public BaselineFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parser error that caused it.</summary>
    public BaselineFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
