using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Rules.Analysis;

/// <summary>
/// The rules in force for a run: their descriptors (the built-in catalog, later with user policies) and the levels
/// configuration gives them. Immutable and thread-safe; every front door (CLI, analyzer) checks through one.
/// </summary>
public sealed class RuleSet
{
    private readonly Dictionary<string, RuleDescriptor> _byId;
    private readonly Dictionary<string, FindingLevel> _levels;

    /// <summary>Creates a rule set.</summary>
    /// <param name="rules">The descriptors; ids must be unique.</param>
    /// <param name="levels">Configured levels by rule id (<see cref="FindingLevel.None"/> switches a rule off), or null.</param>
    /// <exception cref="ArgumentException">Two descriptors share an id, or a level names an unknown rule.</exception>
    public RuleSet(IEnumerable<RuleDescriptor> rules, IReadOnlyDictionary<string, FindingLevel>? levels = null)
    {
        _byId = new Dictionary<string, RuleDescriptor>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (_byId.ContainsKey(rule.Id))
            {
                throw new ArgumentException($"Rule id {rule.Id} is declared more than once.", nameof(rules));
            }

            _byId.Add(rule.Id, rule);
        }

        _levels = new Dictionary<string, FindingLevel>(StringComparer.Ordinal);
        foreach (var pair in levels ?? new Dictionary<string, FindingLevel>())
        {
            if (!_byId.ContainsKey(pair.Key))
            {
                throw new ArgumentException($"No rule '{pair.Key}' to configure.", nameof(levels));
            }

            _levels.Add(pair.Key, pair.Value);
        }

        All = _byId.Values.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The built-in catalog at its default levels.</summary>
    public static RuleSet BuiltIn { get; } = new(RuleCatalog.All);

    /// <summary>Every rule, ordered by id.</summary>
    public IReadOnlyList<RuleDescriptor> All { get; }

    /// <summary>Looks a rule up by id.</summary>
    /// <exception cref="KeyNotFoundException">No rule has that id.</exception>
    public RuleDescriptor Get(string id) =>
        _byId.TryGetValue(id, out var rule) ? rule : throw new KeyNotFoundException($"No rule '{id}' in the rule set.");

    /// <summary>Looks a rule up by id; false when no rule has it.</summary>
    public bool TryGet(string id, out RuleDescriptor? rule) => _byId.TryGetValue(id, out rule);

    /// <summary>The level configuration gives a rule, or null when it keeps the level its findings carry.</summary>
    public FindingLevel? ConfiguredLevel(string id) => _levels.TryGetValue(id, out var level) ? level : null;

    /// <summary>The same rules with other configured levels (replacing, per rule, those of this set).</summary>
    /// <exception cref="ArgumentException">A level names an unknown rule.</exception>
    public RuleSet WithLevels(IReadOnlyDictionary<string, FindingLevel> levels)
    {
        var merged = new Dictionary<string, FindingLevel>(_levels, StringComparer.Ordinal);
        foreach (var pair in levels)
        {
            merged[pair.Key] = pair.Value;
        }

        return new RuleSet(_byId.Values, merged);
    }

    /// <summary>A finding at its effective level: the configured level when there is one, else its own (a rule may
    /// lower its default, e.g. a value that fails only when a parameter is chosen).</summary>
    /// <returns>Null when the rule is switched off.</returns>
    public Finding? Apply(Finding finding)
    {
        if (ConfiguredLevel(finding.RuleId) is not { } level)
        {
            return finding;
        }

        return level == FindingLevel.None ? null : finding.Level == level ? finding : finding with { Level = level };
    }
}
