using AgentCoreLint.Core.Iac;
using AgentCoreLint.Core.Terraform.Hcl;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Terraform;

/// <summary>
/// Turns Terraform expressions and resource bodies into the value tree Terraform would plan, as far as it is known
/// without running Terraform, in the shape of <c>terraform show -json</c> planned values (attributes as values, nested
/// blocks as lists of objects) so that the plan adapter's mapping applies unchanged:
/// <list type="bullet">
/// <item>Literals, quoted strings and heredocs without interpolation, lists and objects of them are known.</item>
/// <item>A template whose interpolations are all known is the joined string; otherwise it is unknown.</item>
/// <item><c>var.x</c> is unknown; the variable's <c>default</c>, its values in <c>terraform.tfvars</c> /
/// <c>*.auto.tfvars</c> / other <c>*.tfvars</c> files and the literals its <c>validation</c> allows with
/// <c>contains([…], var.x)</c> become <see cref="ValueCandidate"/>s, checked where they are written.</item>
/// <item><c>local.x</c> is its expression's value when that is known (a local set in another file takes the span of the
/// reference, so findings stay in the file being linted); otherwise unknown.</item>
/// <item>Everything else (resource and data references, functions, conditionals, operators, <c>for</c>, splats,
/// <c>each</c>, <c>count</c>) is unknown and never judged.</item>
/// <item>A <c>dynamic</c> block whose <c>for_each</c> is a literal empty collection is absent; one dynamic block in a body
/// stands for the block its <c>content</c> generates (iterator values unknown); two or more in a nested body make that
/// body unknown (they are usually alternatives, e.g. union members), and at the top level each is unknown; meta-arguments (<c>count</c>, <c>for_each</c>, <c>provider</c>, <c>depends_on</c>, <c>lifecycle</c>,
/// provisioners) are not part of the request.</item>
/// </list>
/// Never throws; nesting beyond the parser's limit cannot occur, and locals referring to each other in a cycle are unknown.
/// </summary>
internal sealed class TerraformEvaluator
{
    private static readonly HashSet<string> MetaArguments = new(StringComparer.Ordinal) { "count", "for_each", "provider", "depends_on" };
    private static readonly HashSet<string> MetaBlocks = new(StringComparer.Ordinal) { "lifecycle", "provisioner", "connection" };

    private readonly TerraformModule _module;
    private readonly string _path;
    private readonly HashSet<string> _evaluatingLocals = new(StringComparer.Ordinal);

    /// <summary>Creates an evaluator for expressions of the file <paramref name="path"/> of <paramref name="module"/>.</summary>
    public TerraformEvaluator(TerraformModule module, string path)
    {
        _module = module;
        _path = path;
    }

    /// <summary>Candidates of the unknown values produced so far, by node identity.</summary>
    public Dictionary<UnknownNode, IReadOnlyList<ValueCandidate>> Candidates { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>The variables each unknown value is computed from, by node identity.</summary>
    public Dictionary<DocNode, IReadOnlyList<VariableUse>> VariablesOf { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Files (paths) that each candidate literal is written in.</summary>
    public Dictionary<ScalarNode, string> CandidateFiles { get; } = new(ReferenceEqualityComparer.Instance);

    /// <summary>Evaluates a block body into an object of attributes and block lists.</summary>
    public ObjectNode EvaluateBody(HclBody body, string pointer) => (ObjectNode)EvaluateBody(body, pointer, topLevel: true);

    /// <summary>A block body; a nested body with two or more dynamic blocks (alternatives chosen by their
    /// <c>for_each</c>, such as the members of a union) is unknown as a whole, so alternatives never count as set together.</summary>
    private DocNode EvaluateBody(HclBody body, string pointer, bool topLevel)
    {
        var conditional = body.Blocks.Count(b => b.Type == "dynamic" && !IsEmptyForEach(b));
        if (!topLevel && conditional >= 2)
        {
            return new UnknownNode(body.Span, pointer, "blocks chosen by dynamic blocks");
        }

        var properties = new List<PropertyNode>();
        foreach (var attribute in body.Attributes)
        {
            if (!MetaArguments.Contains(attribute.Name))
            {
                properties.Add(new PropertyNode(attribute.Name, attribute.NameSpan, Evaluate(attribute.Value, JsonPointer.Append(pointer, attribute.Name))));
            }
        }

        foreach (var group in body.Blocks.Where(b => !MetaBlocks.Contains(b.Type)).GroupBy(b => b.Type == "dynamic" && b.Labels.Count == 1 ? b.Labels[0].Value : b.Type))
        {
            var blocks = group.ToList();
            var first = blocks[0];
            var memberPointer = JsonPointer.Append(pointer, group.Key);
            var dynamic = blocks.Where(b => b.Type == "dynamic").ToList();
            if (dynamic.Count > 0)
            {
                if (dynamic.Count == blocks.Count && dynamic.All(IsEmptyForEach))
                {
                    continue;
                }

                // One dynamic block: its content is what each generated block holds (iterator values unknown).
                if (blocks.Count == 1 && conditional == 1 && first.Body.Blocks.SingleOrDefault(b => b.Type == "content") is { } content)
                {
                    properties.Add(new PropertyNode(group.Key, first.TypeSpan,
                        new ArrayNode(first.Body.Span, memberPointer, new[] { EvaluateBody(content.Body, JsonPointer.Append(memberPointer, "0"), topLevel: false) })));
                    continue;
                }

                properties.Add(new PropertyNode(group.Key, first.TypeSpan, new UnknownNode(first.Body.Span, memberPointer, "a dynamic block")));
                continue;
            }

            var items = blocks.Select((b, i) => EvaluateBody(b.Body, JsonPointer.Append(memberPointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), topLevel: false));
            properties.Add(new PropertyNode(group.Key, first.TypeSpan, new ArrayNode(new SourceSpan(first.TypeSpan.Start, blocks[^1].Body.Span.End), memberPointer, items)));
        }

        return new ObjectNode(body.Span, pointer, properties);
    }

    private static bool IsEmptyForEach(HclBlock dynamic) =>
        dynamic.Body.Attribute("for_each")?.Value is HclTuple { Items.Count: 0 } or HclObject { Items.Count: 0 };

    /// <summary>Evaluates one expression.</summary>
    public DocNode Evaluate(HclExpression expression, string pointer)
    {
        switch (expression)
        {
            case HclLiteral literal:
                return literal.Kind switch
                {
                    HclLiteralKind.Bool => new ScalarNode(literal.Span, pointer, NodeKind.Boolean, literal.Text),
                    HclLiteralKind.Null => new ScalarNode(literal.Span, pointer, NodeKind.Null, "null"),
                    _ => new ScalarNode(literal.Span, pointer,
                        literal.Text.IndexOfAny(new[] { '.', 'e', 'E' }) >= 0 ? NodeKind.Float : NodeKind.Integer, literal.Text),
                };

            case HclTemplate template:
                return EvaluateTemplate(template, pointer);

            case HclParenthesis parenthesis:
                return Evaluate(parenthesis.Inner, pointer);

            case HclTuple tuple:
                return new ArrayNode(tuple.Span, pointer,
                    tuple.Items.Select((item, i) => Evaluate(item, JsonPointer.Append(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))));

            case HclObject obj:
            {
                var properties = new List<PropertyNode>();
                foreach (var item in obj.Items)
                {
                    var key = item.KeyIsBareWord ? ((HclTemplate)item.Key).LiteralText : (Evaluate(item.Key, pointer) as ScalarNode)?.Text;
                    if (key is null || Evaluate(item.Key, pointer) is not ScalarNode { Kind: not NodeKind.Null })
                    {
                        return Unknown(expression, pointer, "an object with a key known only at plan time");
                    }

                    properties.Add(new PropertyNode(key, item.Key.Span, Evaluate(item.Value, JsonPointer.Append(pointer, key))));
                }

                return new ObjectNode(obj.Span, pointer, properties);
            }

            case HclGetAttr { Source: HclVariable { Name: "var" } } reference:
                return Variable(reference, reference.Name, pointer);

            case HclGetAttr { Source: HclVariable { Name: "local" } } reference:
                return Local(reference, reference.Name, pointer);

            case HclGetAttr access when IsResolvable(access.Source):
                return Evaluate(access.Source, pointer) is ObjectNode known && known.Find(access.Name) is { } member
                    ? member.Value
                    : Unknown(expression, pointer, "a value known only at plan time");

            default:
                return Unknown(expression, pointer, expression is HclFunctionCall call ? $"the result of {call.Name}()" : "a value known only at plan time");
        }
    }

    private static bool IsResolvable(HclExpression source) =>
        source is HclGetAttr { Source: HclVariable { Name: "local" } } or HclGetAttr { Source: HclGetAttr };

    private DocNode EvaluateTemplate(HclTemplate template, string pointer)
    {
        if (template.LiteralText is { } text)
        {
            return new ScalarNode(template.Span, pointer, NodeKind.String, text);
        }

        if (!(template.IsHeredoc && template.Parts.Any(p => p is HclTemplateText t && t.Text.Contains('\n', StringComparison.Ordinal))))
        {
            var joined = new System.Text.StringBuilder();
            var known = true;
            foreach (var part in template.Parts)
            {
                switch (part)
                {
                    case HclTemplateText literal:
                        joined.Append(literal.Text);
                        break;
                    case HclTemplateInterpolation interpolation when Evaluate(interpolation.Expression, pointer) is ScalarNode { Kind: NodeKind.String or NodeKind.Integer or NodeKind.Float or NodeKind.Boolean } value:
                        joined.Append(value.Text);
                        break;
                    default:
                        known = false;
                        break;
                }
            }

            if (known)
            {
                return new ScalarNode(template.Span, pointer, NodeKind.String, joined.ToString());
            }
        }

        return Unknown(template, pointer, "a template with values known only at plan time");
    }

    /// <summary>An unknown value, with the variables it is computed from.</summary>
    private UnknownNode Unknown(HclExpression expression, string pointer, string reason)
    {
        var node = new UnknownNode(expression.Span, pointer, reason);
        var variables = ReferencedVariables(expression).Distinct(StringComparer.Ordinal).Select(n => new VariableUse(n, Declaration(n)?.IsSensitive == true)).ToList();
        if (variables.Count > 0)
        {
            VariablesOf[node] = variables;
        }

        return node;
    }

    private VariableDeclaration? Declaration(string name) =>
        _module.Variables.TryGetValue(name, out var declarations) ? TerraformModule.Closest(declarations, d => d.Path, _path) : null;

    private DocNode Variable(HclExpression reference, string name, string pointer)
    {
        var node = new UnknownNode(reference.Span, pointer, $"variable '{name}'");
        var declaration = Declaration(name);
        VariablesOf[node] = new[] { new VariableUse(name, declaration?.IsSensitive == true) };
        var candidates = new List<ValueCandidate>();
        var values = _module.Values.TryGetValue(name, out var assigned) ? assigned : new List<VariableValue>();
        var overridden = values.Any(v => v.IsAutoLoaded);
        if (!overridden && declaration?.Default is { } defaultValue)
        {
            AddCandidates(candidates, defaultValue, declaration.Path, $"the default of variable '{name}'", isDefault: true, declaration.IsSensitive);
        }

        var lastAuto = values.LastOrDefault(v => v.IsAutoLoaded);
        foreach (var value in values)
        {
            AddCandidates(candidates, value.Attribute.Value, value.Path,
                $"variable '{name}' in {Path.GetFileName(value.Path)}", isDefault: ReferenceEquals(value, lastAuto), declaration?.IsSensitive == true);
        }

        foreach (var validation in declaration is null ? Enumerable.Empty<HclBlock>() : declaration.Block.Body.Blocks.Where(b => b.Type == "validation"))
        {
            if (validation.Body.Attribute("condition")?.Value is { } condition)
            {
                foreach (var allowed in AllowedLists(condition, name, negated: false))
                {
                    AddCandidates(candidates, allowed, declaration!.Path, $"the validation of variable '{name}'", isDefault: false, declaration.IsSensitive);
                }
            }
        }

        if (candidates.Count > 0)
        {
            Candidates[node] = candidates;
        }

        return node;
    }

    private void AddCandidates(List<ValueCandidate> candidates, HclExpression expression, string path, string origin, bool isDefault, bool isSecret)
    {
        // Literal scalars only; a list default yields one candidate per literal item, checked against the list's items.
        var literal = new TerraformEvaluator(_module, path).Evaluate(expression, "/" + origin);
        IEnumerable<(ScalarNode Value, bool IsItem)> scalars = literal switch
        {
            ScalarNode { Kind: not NodeKind.Null } scalar => new[] { (scalar, false) },
            ArrayNode list => list.Items.OfType<ScalarNode>().Where(s => s.Kind != NodeKind.Null).Select(s => (s, true)),
            _ => Array.Empty<(ScalarNode, bool)>(),
        };
        foreach (var (value, isItem) in scalars)
        {
            candidates.Add(new ValueCandidate(value, origin, isDefault, isSecret) { IsListItem = isItem, Wording = CandidateWording.Terraform });
            CandidateFiles[value] = path;
        }
    }

    /// <summary>The first arguments of <c>contains([…], var.name)</c> calls in a validation condition, outside negations.</summary>
    private static IEnumerable<HclExpression> AllowedLists(HclExpression condition, string name, bool negated)
    {
        switch (condition)
        {
            case HclFunctionCall { Name: "contains", Arguments.Count: 2 } call when !negated && call.Arguments[0] is HclTuple tuple &&
                                                                                    call.Arguments[1] is HclGetAttr { Source: HclVariable { Name: "var" } } v && v.Name == name:
                foreach (var item in tuple.Items)
                {
                    yield return item;
                }

                break;
            case HclBinary { Operator: "&&" or "||" } binary:
                foreach (var item in AllowedLists(binary.Left, name, negated).Concat(AllowedLists(binary.Right, name, negated)))
                {
                    yield return item;
                }

                break;
            case HclParenthesis parenthesis:
                foreach (var item in AllowedLists(parenthesis.Inner, name, negated))
                {
                    yield return item;
                }

                break;
        }
    }

    private DocNode Local(HclExpression reference, string name, string pointer)
    {
        if (!_module.Locals.TryGetValue(name, out var definitions) || definitions.Count == 0 || !_evaluatingLocals.Add(name))
        {
            return Unknown(reference, pointer, $"local '{name}'");
        }

        var (attribute, path) = TerraformModule.Closest(definitions, d => d.Path, _path);
        try
        {
            var value = new TerraformEvaluator(_module, path) { }.EvaluateLocal(attribute.Value, pointer, _evaluatingLocals, this);
            if (ContainsUnknown(value, 0))
            {
                return Unknown(reference, pointer, $"local '{name}'");
            }

            return path == _path ? value : Relocate(value, reference.Span, pointer, 0);
        }
        finally
        {
            _evaluatingLocals.Remove(name);
        }
    }

    private DocNode EvaluateLocal(HclExpression expression, string pointer, HashSet<string> evaluating, TerraformEvaluator owner)
    {
        _evaluatingLocals.UnionWith(evaluating);
        var value = Evaluate(expression, pointer);
        foreach (var (node, variables) in VariablesOf)
        {
            owner.VariablesOf[node] = variables;
        }

        return value;
    }

    private static bool ContainsUnknown(DocNode node, int depth) => depth > 64 || node switch
    {
        UnknownNode => true,
        ObjectNode obj => obj.Properties.Any(p => ContainsUnknown(p.Value, depth + 1)),
        ArrayNode array => array.Items.Any(i => ContainsUnknown(i, depth + 1)),
        _ => false,
    };

    /// <summary>A copy of a value from another file, every node placed at the reference that uses it.</summary>
    private static DocNode Relocate(DocNode node, SourceSpan span, string pointer, int depth) => node switch
    {
        ObjectNode obj when depth < 64 => new ObjectNode(span, pointer, obj.Properties.Select(p => new PropertyNode(p.Name, span, Relocate(p.Value, span, JsonPointer.Append(pointer, p.Name), depth + 1)))),
        ArrayNode array when depth < 64 => new ArrayNode(span, pointer, array.Items.Select((item, i) => Relocate(item, span, JsonPointer.Append(pointer, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), depth + 1))),
        ScalarNode scalar => new ScalarNode(span, pointer, scalar.Kind, scalar.Text),
        _ => new UnknownNode(span, pointer, "a value nested too deeply to evaluate"),
    };

    /// <summary>The names of the variables an expression reads (<c>var.x</c>).</summary>
    public static IEnumerable<string> ReferencedVariables(HclExpression root)
    {
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case HclGetAttr { Source: HclVariable { Name: "var" } } v:
                    yield return v.Name;
                    break;
                case HclGetAttr a: pending.Push(a.Source); break;
                case HclIndex i: pending.Push(i.Source); pending.Push(i.Key); break;
                case HclSplat s: pending.Push(s.Source); pending.Push(s.Each); break;
                case HclFunctionCall c: foreach (var arg in c.Arguments) { pending.Push(arg); } break;
                case HclTuple t: foreach (var item in t.Items) { pending.Push(item); } break;
                case HclObject o: foreach (var item in o.Items) { pending.Push(item.Key); pending.Push(item.Value); } break;
                case HclConditional c: pending.Push(c.Condition); pending.Push(c.True); pending.Push(c.False); break;
                case HclBinary b: pending.Push(b.Left); pending.Push(b.Right); break;
                case HclUnary u: pending.Push(u.Operand); break;
                case HclParenthesis p: pending.Push(p.Inner); break;
                case HclFor f: pending.Push(f.Collection); pending.Push(f.Value); if (f.KeyExpression is not null) { pending.Push(f.KeyExpression); } break;
                case HclTemplate t: foreach (var part in t.Parts) { pending.Push(part); } break;
                case HclTemplateInterpolation i: pending.Push(i.Expression); break;
                case HclTemplateIf i: pending.Push(i.Condition); foreach (var p in i.Then.Concat(i.Else)) { pending.Push(p); } break;
                case HclTemplateFor f: pending.Push(f.Collection); foreach (var p in f.Body) { pending.Push(p); } break;
            }
        }
    }
}

/// <summary>A variable an unknown value is computed from.</summary>
/// <param name="Name">The variable name.</param>
/// <param name="IsSensitive">True when its declaration says <c>sensitive = true</c>.</param>
internal sealed record VariableUse(string Name, bool IsSensitive);
