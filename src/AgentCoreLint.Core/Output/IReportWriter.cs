using AgentCoreLint.Core.Engine;

namespace AgentCoreLint.Core.Output;

/// <summary>Renders a <see cref="LintReport"/> in one output format (text, SARIF, JSON).</summary>
/// <remarks>Writers only write to the <see cref="TextWriter"/> they are given; choosing the console, a file
/// or colour is the CLI's business.</remarks>
public interface IReportWriter
{
    /// <summary>Writes the whole report to <paramref name="writer"/>. The writer is not flushed or closed.</summary>
    /// <param name="report">The report; its results are written in the order given (the engine's deterministic order).</param>
    /// <param name="writer">The destination.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    void Write(LintReport report, TextWriter writer);
}
