using AgentCoreLint.Rules.Catalog;
using System.Text;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL1008: a tagged union (every model shape with <c>"union": true</c>) must set exactly one member, and where a
/// sibling enum names the member (a harness tool's <c>type</c> and its <c>config</c>, a truncation
/// <c>strategy</c> and its <c>config</c>) the member set must be the one it names.
/// </summary>
/// <remarks>
/// <para>A member whose value is JSON <c>null</c> counts as not set: the AWS CLI and SDK serializers drop null
/// members before sending, so the service never sees them. A member whose value is unknown until deployment
/// (a CloudFormation <c>Fn::If</c> may resolve to <c>AWS::NoValue</c>) counts as "maybe set": two definitely set
/// members are reported, but "none set" is not reported while a member may still be set.</para>
/// <para>"None set" is also not reported when the union object holds a member the model does not know: the
/// schema validator's unknown-member finding (with its did-you-mean) already explains that typo.</para>
/// <para>Discriminator pairings are derived from the model, not listed: in a structure with an enum member
/// <c>D</c> and a union member <c>C</c>, an enum value maps to the union member whose name equals it ignoring
/// case, <c>_</c> and <c>-</c> (<c>remote_mcp</c> ↔ <c>remoteMcp</c>, <c>sliding_window</c> ↔
/// <c>slidingWindow</c>). A value without such a member (truncation <c>none</c>) takes no configuration. The
/// pairing applies only when at least one enum value maps to a member.</para>
/// </remarks>
public sealed class UnionRule() : SemanticRule(RuleIds.Union)
{
    private static readonly Lazy<IReadOnlyDictionary<string, Pairing[]>> Pairings = new(BuildPairings);

    /// <summary>The discriminator pairings derived from the model, by the name of the structure that holds them.</summary>
    internal static IReadOnlyDictionary<string, Pairing[]> DiscriminatorPairings => Pairings.Value;

    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var walk = context.Target.Walk;
        var pairings = Pairings.Value;
        foreach (var visit in walk.Visits)
        {
            if (visit.Node is not ObjectNode obj)
            {
                continue;
            }

            if (visit.Shape.IsUnion)
            {
                CheckUnion(context, walk, visit, obj);
            }

            if (pairings.TryGetValue(visit.Shape.Name, out var forShape))
            {
                foreach (var pairing in forShape)
                {
                    CheckPairing(context, walk, visit, obj, pairing);
                }
            }
        }
    }

    private static void CheckUnion(RuleContext context, ShapeWalk walk, ShapeVisit visit, ObjectNode obj)
    {
        var shape = visit.Shape;
        var set = 0;
        var maybe = 0;
        var stray = false;
        PropertyNode? second = null;
        foreach (var p in obj.Properties)
        {
            if (shape.FindMember(p.Name) is null)
            {
                stray = true;
            }
            else if (Nodes.IsUnknown(p.Value))
            {
                maybe++;
            }
            else if (Nodes.IsPresent(p.Value))
            {
                set++;
                if (set == 2)
                {
                    second = p;
                }
            }
        }

        var label = walk.PathOf(visit);
        if (set >= 2)
        {
            var names = new List<string>(set);
            foreach (var p in obj.Properties)
            {
                if (shape.FindMember(p.Name) is not null && Nodes.IsPresent(p.Value) && !Nodes.IsUnknown(p.Value))
                {
                    names.Add(p.Name);
                }
            }

            context.ReportAtKey(RuleIds.Union, second!,
                $"{label} sets {JoinAnd(names)}, but {shape.Name} is a union: set exactly one of its members and remove the others.");
            return;
        }

        if (set == 0 && maybe == 0 && !stray)
        {
            var message = $"{label} sets none of its members, but {shape.Name} is a union: set exactly one of {JoinOr(Choices(shape))}.";
            if (visit.Property is not null)
            {
                context.ReportAtKey(RuleIds.Union, visit.Property, message);
            }
            else
            {
                context.Report(RuleIds.Union, visit.Node, message);
            }
        }
    }

    private static void CheckPairing(RuleContext context, ShapeWalk walk, ShapeVisit visit, ObjectNode obj, Pairing pairing)
    {
        if (!Nodes.TryGetString(obj[pairing.Discriminator], out var value) || !pairing.MemberFor.TryGetValue(value, out var expected))
        {
            return; // unknown or not an enum value: ACL1004 reports the latter
        }

        if (obj[pairing.Config] is not ObjectNode config)
        {
            return; // no configuration: the member is optional in the model
        }

        PropertyNode? actual = null;
        foreach (var p in config.Properties)
        {
            if (pairing.Union.FindMember(p.Name) is null || !Nodes.IsPresent(p.Value))
            {
                continue;
            }

            if (Nodes.IsUnknown(p.Value) || actual is not null)
            {
                return; // may be set, or several set (the union check reports that)
            }

            actual = p;
        }

        if (actual is null || string.Equals(actual.Name, expected, StringComparison.Ordinal))
        {
            return;
        }

        var path = walk.PathOf(visit);
        var prefix = path == "request" ? string.Empty : path + ".";
        var matching = pairing.ValueFor(actual.Name);
        var alternative = matching is null ? string.Empty : $" or set {pairing.Discriminator} to '{matching}'";
        var message = expected is null
            ? $"{prefix}{pairing.Discriminator} is '{value}', which takes no {pairing.Config}, but {pairing.Config} sets {actual.Name}: remove {pairing.Config}{alternative}."
            : $"{prefix}{pairing.Discriminator} is '{value}', so {pairing.Config} must set {expected}, but it sets {actual.Name}: configure {expected}{alternative}.";
        context.ReportAtKey(RuleIds.Union, actual, message);
    }

    private static List<string> Choices(Shape union)
    {
        var choices = new List<string>(union.Members.Count);
        foreach (var m in union.Members)
        {
            if (!m.Deprecated)
            {
                choices.Add(m.Name);
            }
        }

        return choices;
    }

    private static string JoinAnd(IReadOnlyList<string> names) => Join(names, "and");

    private static string JoinOr(IReadOnlyList<string> names) => Join(names, "or");

    private static string Join(IReadOnlyList<string> names, string conjunction)
    {
        if (names.Count == 1)
        {
            return names[0];
        }

        var sb = new StringBuilder();
        for (var i = 0; i < names.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(i == names.Count - 1 ? " " + conjunction + " " : ", ");
            }

            sb.Append(names[i]);
        }

        return sb.ToString();
    }

    private static IReadOnlyDictionary<string, Pairing[]> BuildPairings()
    {
        var shapes = ApiModel.Shapes;
        var result = new Dictionary<string, Pairing[]>(StringComparer.Ordinal);
        foreach (var shape in shapes.Values)
        {
            if (shape.Type != ShapeType.Structure)
            {
                continue;
            }

            List<Pairing>? found = null;
            foreach (var d in shape.Members)
            {
                if (!shapes.TryGetValue(d.Shape, out var enumShape) || enumShape.EnumValues is not { Count: > 0 } values)
                {
                    continue;
                }

                foreach (var c in shape.Members)
                {
                    if (!shapes.TryGetValue(c.Shape, out var union) || !union.IsUnion)
                    {
                        continue;
                    }

                    var map = new Dictionary<string, string?>(StringComparer.Ordinal);
                    var any = false;
                    foreach (var v in values)
                    {
                        string? member = null;
                        foreach (var m in union.Members)
                        {
                            if (string.Equals(Normalize(m.Name), Normalize(v), StringComparison.Ordinal))
                            {
                                member = m.Name;
                                any = true;
                                break;
                            }
                        }

                        map[v] = member;
                    }

                    if (any)
                    {
                        (found ??= new List<Pairing>()).Add(new Pairing(d.Name, c.Name, union, map));
                    }
                }
            }

            if (found is not null)
            {
                result[shape.Name] = found.ToArray();
            }
        }

        return result;
    }

    private static string Normalize(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c != '_' && c != '-')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>A discriminator derived from the model: enum member <see cref="Discriminator"/> names which member
    /// of the union member <see cref="Config"/> is set.</summary>
    internal sealed class Pairing
    {
        public Pairing(string discriminator, string config, Shape union, IReadOnlyDictionary<string, string?> memberFor)
        {
            Discriminator = discriminator;
            Config = config;
            Union = union;
            MemberFor = memberFor;
        }

        /// <summary>The enum member, e.g. <c>type</c>.</summary>
        public string Discriminator { get; }

        /// <summary>The union member, e.g. <c>config</c>.</summary>
        public string Config { get; }

        /// <summary>The union shape.</summary>
        public Shape Union { get; }

        /// <summary>Enum value → the union member it selects, or null when the value takes no configuration.</summary>
        public IReadOnlyDictionary<string, string?> MemberFor { get; }

        /// <summary>The enum value that selects a union member, or null.</summary>
        public string? ValueFor(string member)
        {
            foreach (var pair in MemberFor)
            {
                if (string.Equals(pair.Value, member, StringComparison.Ordinal))
                {
                    return pair.Key;
                }
            }

            return null;
        }
    }
}
