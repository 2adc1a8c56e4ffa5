using AgentCoreLint.Rules.Engine;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// The built-in semantic rules: the checks the JSON Schemas generated from the service model cannot express.
/// Each rule's metadata (title, default level, help) is in the rule catalog; each class reports one rule id.
/// </summary>
public static class SemanticRules
{
    /// <summary>Every built-in semantic rule, ordered by rule id. The instances are stateless and thread-safe:
    /// one set can check any number of targets in parallel.</summary>
    public static IReadOnlyList<ISemanticRule> All { get; } = new ISemanticRule[]
    {
        new UnionRule(),
        new ClaimMatchRule(),
        new MountPathRule(),
        new DuplicateMountPathRule(),
        new FileSystemNeedsVpcRule(),
        new VpcIncompleteRule(),
        new VpcConfigIgnoredRule(),
        new S3EndpointOptionRule(),
        new SecretInEnvironmentRule(),
        new SecretInSensitiveFieldRule(),
        new LifecycleTimeoutRule(),
        new MutableContainerTagRule(),
    };

    /// <summary>Runs every rule of <see cref="All"/> on a target.</summary>
    /// <param name="context">The target and the findings collected so far.</param>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    public static void AnalyzeAll(RuleContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        foreach (var rule in All)
        {
            rule.Analyze(context);
        }
    }
}
