using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Engine;

/// <summary>
/// One input kind (request document, CloudFormation template, Terraform plan, saved Get response): recognises
/// its documents and turns them into API-shaped <see cref="LintTarget"/>s whose nodes keep the spans of the file
/// the user wrote. Adapters are asked in order; the first whose <see cref="Recognizes"/> is true handles the document.
/// </summary>
public interface IInputAdapter
{
    /// <summary>A short name of the input kind for messages, e.g. "CloudFormation template".</summary>
    string Kind { get; }

    /// <summary>True when <paramref name="root"/> is a document of this kind. Must be cheap (top-level members only).</summary>
    bool Recognizes(DocNode root, string fileName);

    /// <summary>Adds the targets of <paramref name="root"/> to <paramref name="context"/>, and any input-level findings
    /// (e.g. a contract violation only this input kind has). Must not throw on any tree shape.</summary>
    void CreateTargets(DocNode root, InputContext context);
}

/// <summary>What an adapter works with: the file, the options, and where targets and findings go.</summary>
public sealed class InputContext
{
    /// <summary>Creates a context for one document of one file.</summary>
    public InputContext(string fileName, LintOptions options, bool isExplicit)
    {
        FileName = fileName;
        Options = options;
        IsExplicit = isExplicit;
    }

    /// <summary>The file's name (as given on the command line or found in a directory).</summary>
    public string FileName { get; }

    /// <summary>The run's options (e.g. a forced operation).</summary>
    public LintOptions Options { get; }

    /// <summary>True when the user named the file; false when it was found in a directory (then files that are not
    /// AgentCore documents are skipped silently).</summary>
    public bool IsExplicit { get; }

    private readonly Dictionary<LintTarget, TargetOrigin> _origins = new(ReferenceEqualityComparer.Instance);

    /// <summary>The requests to check.</summary>
    public List<LintTarget> Targets { get; } = new();

    /// <summary>Findings about the input itself (not about a request's content).</summary>
    public List<Finding> Findings { get; } = new();

    /// <summary>Adds a request whose input has a contract of its own (e.g. a CloudFormation resource schema).</summary>
    /// <param name="target">The API-shaped request.</param>
    /// <param name="origin">The source contract's findings and how to present the request's findings.</param>
    public void Add(LintTarget target, TargetOrigin origin)
    {
        Targets.Add(target);
        _origins[target] = origin;
    }

    /// <summary>What <see cref="Add"/> recorded for <paramref name="target"/>, or null for a plain request.</summary>
    public TargetOrigin? OriginOf(LintTarget target) => _origins.TryGetValue(target, out var origin) ? origin : null;
}
