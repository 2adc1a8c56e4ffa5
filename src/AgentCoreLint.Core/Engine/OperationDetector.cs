using AgentCoreLint.Rules.Schema;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.Engine;

/// <summary>The outcome of <see cref="OperationDetector.Detect"/>.</summary>
/// <param name="Operation">The operation the document is a request for, or null when none or several fit.</param>
/// <param name="Candidates">When ambiguous, the operations that fit equally well (sorted); otherwise empty.</param>
/// <param name="IsAgentCoreDocument">False when the members do not look like any AgentCore Control request at all
/// (e.g. a <c>package.json</c>); directory runs skip such files silently.</param>
public sealed record OperationDetection(string? Operation, IReadOnlyList<string> Candidates, bool IsAgentCoreDocument);

/// <summary>
/// Infers the AgentCore Control operation of a request document from its top-level members, using the input
/// shapes of the service model: <c>agentRuntimeName</c> → CreateAgentRuntime, <c>agentRuntimeId</c> +
/// <c>agentRuntimeArtifact</c> → UpdateAgentRuntime, <c>harnessName</c> / <c>harnessId</c> → Create/UpdateHarness,
/// and so on for all operations. Each operation scores its exact member matches, near-misses (likely typos),
/// unknown members and missing required members; ties are broken by how many schema violations each candidate
/// would report, then by words in the file name (<c>browser</c>, <c>code-interpreter</c>, <c>update</c>, …).
/// </summary>
public static class OperationDetector
{
    // Members so common across operations that they say nothing about which one a document is for.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "name", "description", "tags", "clientToken", "maxResults", "nextToken", "type", "status", "version",
        "id", "arn", "roleArn", "executionRoleArn", "kmsKeyArn", "resourceArn", "tagKeys", "encryptionKeyArn",
    };

    // Near-miss matching costs an edit distance per member name; a hostile document with thousands of unknown members
    // must not make detection quadratic. Real requests have a handful of typos at most.
    private const int MaxFuzzyKeys = 32;

    private static readonly Lazy<IReadOnlyList<OperationInfo>> Operations = new(BuildOperations);
    private static readonly Lazy<IReadOnlyDictionary<string, OperationInfo[]>> Index = new(BuildIndex);

    /// <summary>Detects the operation of <paramref name="root"/>.</summary>
    /// <param name="root">The document's root object.</param>
    /// <param name="fileName">The file name, used only to break ties.</param>
    public static OperationDetection Detect(ObjectNode root, string? fileName = null)
    {
        var keys = root.Properties.Select(p => p.Name).Where(k => !k.StartsWith('$')).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return new OperationDetection(null, Array.Empty<string>(), false);
        }

        // Only operations that share a distinctive member with the document (or a near-miss of one) can win; scoring
        // just those keeps detection cheap however many operations the model has.
        var candidates = new HashSet<OperationInfo>();
        var fuzzyBudget = MaxFuzzyKeys;
        foreach (var key in keys)
        {
            var member = Index.Value.ContainsKey(key) ? key : fuzzyBudget-- > 0 ? Suggestions.Closest(key, Index.Value.Keys) : null;
            if (member is not null && IsDistinctive(member))
            {
                candidates.UnionWith(Index.Value[member]);
            }
        }

        var keySet = new HashSet<string>(keys, StringComparer.Ordinal);
        var scored = new List<Scored>();
        foreach (var op in candidates)
        {
            scored.Add(Score(op, keys, keySet));
        }

        if (scored.Count == 0)
        {
            return new OperationDetection(null, Array.Empty<string>(), false);
        }

        var bestScore = double.MinValue;
        foreach (var s in scored)
        {
            bestScore = Math.Max(bestScore, s.Score);
        }

        var best = scored.Where(s => Math.Abs(s.Score - bestScore) < 1e-9).ToList();

        // Fewer than half the members recognised: more likely some other tool's file than a broken request.
        if (best[0].Exact * 2 < keys.Count)
        {
            return new OperationDetection(null, Array.Empty<string>(), false);
        }

        var names = best.Select(b => b.Op.Name).ToList();
        if (names.Count > 1)
        {
            names = BreakTieBySchema(root, names);
        }

        if (names.Count > 1 && fileName is not null)
        {
            names = BreakTieByFileName(names, fileName);
        }

        return names.Count == 1
            ? new OperationDetection(names[0], Array.Empty<string>(), true)
            : new OperationDetection(null, names.Order(StringComparer.Ordinal).ToList(), true);
    }

    /// <summary>True when <paramref name="operation"/> names an operation of the service model that takes input.</summary>
    public static bool IsKnownOperation(string operation) => ApiModel.OperationInputs.ContainsKey(operation);

    private static Scored Score(OperationInfo op, IReadOnlyList<string> keys, HashSet<string> keySet)
    {
        var fuzzyBudget = MaxFuzzyKeys;
        double score = 0;
        var exact = 0;
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (op.Members.Contains(key))
            {
                exact++;
                score += 2;
                present.Add(key);
                continue;
            }

            // A member of some other operation is no typo; only names the model does not know get a fuzzy match.
            var near = Index.Value.ContainsKey(key) || fuzzyBudget-- <= 0 ? null : Suggestions.Closest(key, op.Members.Where(m => !keySet.Contains(m)));
            if (near is not null)
            {
                // A likely typo of a member: weaker evidence the closer it is not.
                score += 1.5 - (0.25 * Suggestions.Distance(key.ToLowerInvariant(), near.ToLowerInvariant()));
                present.Add(near);
            }
            else
            {
                score -= 2;
            }
        }

        foreach (var required in op.Required)
        {
            if (!present.Contains(required))
            {
                score -= 3;
            }
        }

        return new Scored(op, score, exact);
    }

    private static List<string> BreakTieBySchema(ObjectNode root, List<string> names)
    {
        var counts = names
            .Where(n => ApiModel.InputOf(n) is not null)
            .Select(n => (Name: n, Errors: ShapeValidator.Shared.Validate(new Rules.Analysis.LintTarget(n, root, root.Span)).Count))
            .ToList();
        if (counts.Count == 0)
        {
            return names;
        }

        var min = counts.Min(c => c.Errors);
        return counts.Where(c => c.Errors == min).Select(c => c.Name).ToList();
    }

    private static List<string> BreakTieByFileName(List<string> names, string fileName)
    {
        var words = new string(Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray());
        names = Prefer(names, n => words.Contains(Noun(n), StringComparison.Ordinal) ||
                                   (Noun(n) == "codeinterpreter" && words.Contains("interpreter", StringComparison.Ordinal)));
        return Prefer(names, n => words.Contains(n.ToLowerInvariant()[..(n.Length - Noun(n).Length)], StringComparison.Ordinal));

        static string Noun(string operation)
        {
            var lower = operation.ToLowerInvariant();
            var verbLength = lower.TakeWhile((c, i) => i == 0 || !char.IsUpper(operation[i])).Count();
            return lower[verbLength..];
        }

        static List<string> Prefer(List<string> names, Func<string, bool> predicate)
        {
            var preferred = names.Where(predicate).ToList();
            return preferred.Count > 0 ? preferred : names;
        }
    }

    private static bool IsDistinctive(string member) =>
        !Generic.Contains(member) && Index.Value.TryGetValue(member, out var operations) && operations.Length <= 8;

    private static IReadOnlyList<OperationInfo> BuildOperations()
    {
        // Loops rather than LINQ over KeyValuePair: generics over value types are JIT work at every start.
        var names = new List<string>(ApiModel.OperationInputs.Count);
        foreach (var name in ApiModel.OperationInputs.Keys)
        {
            names.Add(name);
        }

        names.Sort(StringComparer.Ordinal);
        var operations = new List<OperationInfo>(names.Count);
        foreach (var name in names)
        {
            var shape = ApiModel.GetShape(ApiModel.OperationInputs[name]);
            var members = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in shape.Members)
            {
                members.Add(member.Name);
            }

            if (members.Count > 0)
            {
                operations.Add(new OperationInfo(name, members, shape.Required));
            }
        }

        return operations;
    }

    /// <summary>Member name → the operations whose input shape has it. Plain loops: LINQ over tuples would be JIT work
    /// at every start (ReadyToRun does not precompile generics over value types).</summary>
    private static IReadOnlyDictionary<string, OperationInfo[]> BuildIndex()
    {
        var index = new Dictionary<string, List<OperationInfo>>(StringComparer.Ordinal);
        foreach (var op in Operations.Value)
        {
            foreach (var member in op.Members)
            {
                if (!index.TryGetValue(member, out var list))
                {
                    index[member] = list = new List<OperationInfo>();
                }

                list.Add(op);
            }
        }

        var result = new Dictionary<string, OperationInfo[]>(index.Count, StringComparer.Ordinal);
        foreach (var pair in index)
        {
            result[pair.Key] = pair.Value.ToArray();
        }

        return result;
    }

    private sealed record Scored(OperationInfo Op, double Score, int Exact);

    private sealed record OperationInfo(string Name, HashSet<string> Members, IReadOnlyList<string> Required);
}
