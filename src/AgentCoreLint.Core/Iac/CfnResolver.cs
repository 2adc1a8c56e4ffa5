using System.Globalization;
using System.Text;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Iac;

/// <summary>A literal a value that is unknown until deployment may take: an <c>AllowedValues</c> entry or the
/// <c>Default</c> of the parameter a <c>Ref</c> names, or a literal branch of <c>Fn::If</c>.</summary>
/// <param name="Value">The literal as written in the template (its span is where a finding about it points).</param>
/// <param name="Origin">Where the literal comes from, for messages: <c>parameter 'NetworkMode'</c>, <c>an Fn::If branch</c>.</param>
/// <param name="IsDefault">True for a parameter's <c>Default</c> (what a deployment without overrides uses).</param>
/// <param name="IsSecret">True when the parameter is <c>NoEcho</c>: the literal must not be echoed.</param>
internal sealed record ValueCandidate(ScalarNode Value, string Origin, bool IsDefault, bool IsSecret)
{
    /// <summary>True when the literal is one item of a list value (a Terraform list default): it is checked against the
    /// list's item shape.</summary>
    public bool IsListItem { get; init; }

    /// <summary>How findings about the literal are worded.</summary>
    public CandidateWording Wording { get; init; } = CandidateWording.CloudFormation;
}

/// <summary>The input whose terms a candidate's finding uses.</summary>
internal enum CandidateWording
{
    /// <summary>Parameters, <c>AllowedValues</c>, <c>Fn::If</c> branches.</summary>
    CloudFormation,

    /// <summary>Variable defaults, <c>.tfvars</c> values and <c>validation</c> conditions.</summary>
    Terraform,
}

/// <summary>
/// Turns a resource's <c>Properties</c> as written into the value CloudFormation would pass to the resource provider,
/// as far as it is known before deployment. Decisions (documented in the README's CloudFormation section):
/// <list type="bullet">
/// <item><c>Ref: AWS::NoValue</c> removes the property or list item.</item>
/// <item><c>Fn::Sub</c> without <c>${…}</c> variables, <c>Fn::Join</c> over literals, <c>Fn::Select</c> with a literal
/// index and list, and <c>Fn::FindInMap</c> with literal keys resolve to their literal (spans: the function for joined
/// strings, the selected node for Select/FindInMap).</item>
/// <item><c>Fn::If</c>: when one branch is <c>AWS::NoValue</c> the other branch is checked (it is what deploys whenever
/// the property is present); identical literal branches resolve to the literal; otherwise the value is unknown and
/// its literal branches become <see cref="ValueCandidate"/>s.</item>
/// <item><c>Ref</c> to a parameter is unknown; the parameter's <c>AllowedValues</c> and <c>Default</c> become candidates.</item>
/// <item>Every other function, pseudo parameter and dynamic reference (<c>{{resolve:…}}</c>) is unknown.</item>
/// </list>
/// Never throws; nesting beyond <see cref="MaxDepth"/> is unknown.
/// </summary>
internal sealed class CfnResolver
{
    /// <summary>Deeper values are treated as unknown rather than walked (the loader already bounds depth; this keeps
    /// recursion safe even for hand-built trees).</summary>
    public const int MaxDepth = 128;

    private readonly CfnTemplate _template;

    public CfnResolver(CfnTemplate template)
    {
        _template = template;
    }

    /// <summary>Candidates of the unknown values this resolver produced, by node identity.</summary>
    public Dictionary<UnknownNode, IReadOnlyList<ValueCandidate>> Candidates { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Resolves a value.</summary>
    /// <returns>The resolved value, or null when it is <c>AWS::NoValue</c> (the property is absent).</returns>
    public DocNode? Resolve(DocNode node) => Resolve(node, 0);

    private DocNode? Resolve(DocNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            return Unknown(node, "a value nested too deeply to evaluate");
        }

        if (CfnIntrinsics.TryGetFunction(node, out var function, out var argument))
        {
            return ResolveFunction(node, function, argument, depth + 1);
        }

        switch (node)
        {
            case ObjectNode obj:
            {
                var properties = new List<PropertyNode>(obj.Properties.Count);
                foreach (var property in obj.Properties)
                {
                    if (Resolve(property.Value, depth + 1) is { } value)
                    {
                        properties.Add(new PropertyNode(property.Name, property.KeySpan, value));
                    }
                }

                return new ObjectNode(obj.Span, obj.Pointer, properties) { IsSensitive = obj.IsSensitive };
            }

            case ArrayNode array:
            {
                var items = new List<DocNode>(array.Items.Count);
                foreach (var item in array.Items)
                {
                    if (Resolve(item, depth + 1) is { } value)
                    {
                        items.Add(value);
                    }
                }

                return new ArrayNode(array.Span, array.Pointer, items) { IsSensitive = array.IsSensitive };
            }

            case ScalarNode { Kind: NodeKind.String } text when CfnIntrinsics.HasDynamicReference(text.Text):
                return Unknown(node, DynamicReferenceReason(text.Text));

            default:
                return node;
        }
    }

    private DocNode? ResolveFunction(DocNode node, string function, DocNode argument, int depth)
    {
        switch (function)
        {
            case "Ref":
                return ResolveRef(node, argument);
            case "Fn::Sub":
                return ResolveSub(node, argument);
            case "Fn::Join":
                return ResolveJoin(node, argument, depth);
            case "Fn::Select":
                return ResolveSelect(node, argument, depth);
            case "Fn::FindInMap":
                return ResolveFindInMap(node, argument, depth);
            case "Fn::If":
                return ResolveIf(node, argument, depth);
            default:
                return Unknown(node, function);
        }
    }

    private DocNode? ResolveRef(DocNode node, DocNode argument)
    {
        if (argument is not ScalarNode { Kind: NodeKind.String } name)
        {
            return Unknown(node, "Ref");
        }

        if (name.Text == "AWS::NoValue")
        {
            return null;
        }

        if (CfnIntrinsics.IsPseudoParameter(name.Text))
        {
            return Unknown(node, "Ref " + name.Text);
        }

        var unknown = Unknown(node, $"Ref {name.Text}");
        if (_template.Parameter(name.Text) is { } parameter && !IsListParameter(parameter))
        {
            var secret = parameter["NoEcho"] is ScalarNode noEcho && IsTrue(noEcho);
            var candidates = new List<ValueCandidate>();
            if (parameter["AllowedValues"] is ArrayNode allowed)
            {
                candidates.AddRange(allowed.Items.OfType<ScalarNode>().Where(IsLiteral)
                    .Select(v => new ValueCandidate(v, $"parameter '{name.Text}'", false, secret)));
            }

            if (parameter["Default"] is ScalarNode def && IsLiteral(def))
            {
                candidates.Add(new ValueCandidate(def, $"parameter '{name.Text}'", true, secret));
            }

            if (candidates.Count > 0)
            {
                Candidates[unknown] = candidates;
            }
        }

        return unknown;
    }

    private static DocNode ResolveSub(DocNode node, DocNode argument)
    {
        var template = argument switch
        {
            ScalarNode { Kind: NodeKind.String } s => s.Text,
            ArrayNode { Items.Count: >= 1 } a when a.Items[0] is ScalarNode { Kind: NodeKind.String } s => s.Text,
            _ => null,
        };

        // "${!Literal}" writes a literal "${Literal}"; any other "${" is a variable known only at deployment.
        if (template is null || template.Replace("${!", "", StringComparison.Ordinal).Contains("${", StringComparison.Ordinal))
        {
            return Unknown(node, "Fn::Sub");
        }

        var text = template.Replace("${!", "${", StringComparison.Ordinal);
        return CfnIntrinsics.HasDynamicReference(text)
            ? Unknown(node, DynamicReferenceReason(text))
            : new ScalarNode(node.Span, node.Pointer, NodeKind.String, text);
    }

    private DocNode ResolveJoin(DocNode node, DocNode argument, int depth)
    {
        if (argument is not ArrayNode { Items.Count: 2 } args || args.Items[0] is not ScalarNode { Kind: NodeKind.String } delimiter ||
            Resolve(args.Items[1], depth) is not ArrayNode list)
        {
            return Unknown(node, "Fn::Join");
        }

        var text = new StringBuilder();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is not ScalarNode { Kind: not NodeKind.Null } item)
            {
                return Unknown(node, "Fn::Join");
            }

            if (i > 0)
            {
                text.Append(delimiter.Text);
            }

            text.Append(item.Text);
        }

        return new ScalarNode(node.Span, node.Pointer, NodeKind.String, text.ToString());
    }

    private DocNode? ResolveSelect(DocNode node, DocNode argument, int depth)
    {
        if (argument is not ArrayNode { Items.Count: 2 } args || args.Items[0] is not ScalarNode index ||
            !int.TryParse(index.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ||
            Resolve(args.Items[1], depth) is not ArrayNode list || i >= list.Items.Count)
        {
            return Unknown(node, "Fn::Select");
        }

        return list.Items[i];
    }

    private DocNode? ResolveFindInMap(DocNode node, DocNode argument, int depth)
    {
        if (argument is not ArrayNode { Items.Count: >= 3 } args)
        {
            return Unknown(node, "Fn::FindInMap");
        }

        var keys = args.Items.Take(3).Select(k => Resolve(k, depth)).ToList();
        if (keys.Any(k => k is not ScalarNode { Kind: NodeKind.String or NodeKind.Integer or NodeKind.Boolean }) ||
            _template.Mappings?[((ScalarNode)keys[0]!).Text] is not ObjectNode map ||
            map[((ScalarNode)keys[1]!).Text] is not ObjectNode second ||
            second[((ScalarNode)keys[2]!).Text] is not { } value)
        {
            return Unknown(node, "Fn::FindInMap");
        }

        return Resolve(value, depth);
    }

    private DocNode? ResolveIf(DocNode node, DocNode argument, int depth)
    {
        if (argument is not ArrayNode { Items.Count: 3 } args)
        {
            return Unknown(node, "Fn::If");
        }

        var whenTrue = Resolve(args.Items[1], depth);
        var whenFalse = Resolve(args.Items[2], depth);
        if (whenTrue is null || whenFalse is null)
        {
            // One branch removes the property: whenever it is present, it has the other branch's value.
            return whenTrue ?? whenFalse;
        }

        if (whenTrue is ScalarNode a && whenFalse is ScalarNode b && a.Kind == b.Kind && a.Text == b.Text)
        {
            return a;
        }

        var unknown = Unknown(node, "Fn::If");
        var candidates = new List<ValueCandidate>();
        foreach (var branch in new[] { whenTrue, whenFalse })
        {
            if (branch is ScalarNode literal && IsLiteral(literal))
            {
                candidates.Add(new ValueCandidate(literal, "an Fn::If branch", false, false));
            }
            else if (branch is UnknownNode inner && Candidates.TryGetValue(inner, out var nested))
            {
                candidates.AddRange(nested);
            }
        }

        if (candidates.Count > 0)
        {
            Candidates[unknown] = candidates;
        }

        return unknown;
    }

    private static UnknownNode Unknown(DocNode node, string reason) => new(node.Span, node.Pointer, reason, node);

    private static bool IsLiteral(ScalarNode node) => node.Kind is not NodeKind.Null && !CfnIntrinsics.HasDynamicReference(node.Text);

    private static bool IsTrue(ScalarNode node) =>
        node.AsBoolean == true || string.Equals(node.Text, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>List parameters (<c>List&lt;…&gt;</c>, <c>CommaDelimitedList</c>) hold several values; their
    /// <c>AllowedValues</c> do not describe a single property value.</summary>
    private static bool IsListParameter(ObjectNode parameter) =>
        parameter["Type"] is ScalarNode type &&
        (type.Text.Contains("List", StringComparison.Ordinal) || type.Text.StartsWith("AWS::SSM::Parameter::Value<List", StringComparison.Ordinal));

    private static string DynamicReferenceReason(string text)
    {
        var start = text.IndexOf("{{resolve:", StringComparison.Ordinal) + "{{resolve:".Length;
        var end = text.IndexOf(':', start);
        var service = end > start ? text[start..end] : "…";
        return $"dynamic reference {{{{resolve:{service}:…}}}}";
    }
}
