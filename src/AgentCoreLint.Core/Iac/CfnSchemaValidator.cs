using System.Globalization;
using AgentCoreLint.Rules.Schema;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Secrets;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

using static AgentCoreLint.Rules.Schema.MessageText;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// One violation of a CloudFormation resource schema, located in the template. The message is rendered later
/// (<see cref="Render"/>), once the API mapping has told which values are <c>sensitive</c> and must not be echoed.
/// </summary>
/// <param name="RuleId">ACL1001–ACL1008, with the same meanings as for the API schema.</param>
/// <param name="Span">The offending key or value.</param>
/// <param name="Pointer">Its JSON Pointer in the template.</param>
/// <param name="Node">The offending value (for echoing it).</param>
/// <param name="Message">Builds the message from a predicate telling whether a pointer is sensitive.</param>
/// <param name="MissingMember">For ACL1001: the missing property's name.</param>
internal sealed record CfnIssue(string RuleId, SourceSpan Span, string Pointer, DocNode Node, Func<Func<DocNode, bool>, string> Message,
    string? MissingMember = null)
{
    /// <summary>The finding for this issue.</summary>
    public Finding Render(Func<DocNode, bool> isSensitive, string logicalLocation) => new()
    {
        RuleId = RuleId,
        Level = RuleCatalog.Get(RuleId).DefaultLevel,
        Message = Message(isSensitive),
        Span = Span,
        Pointer = Pointer,
        LogicalLocation = logicalLocation,
    };
}

/// <summary>
/// Validates a resource's resolved <c>Properties</c> (intrinsics already unknown or resolved, see
/// <see cref="CfnResolver"/>) against its CloudFormation resource provider schema with NJsonSchema, as CloudFormation
/// does before it calls the resource handler. JSON Schema <c>pattern</c>s are searches, not whole-value matches, and
/// are applied as written (that is what CloudFormation does too: an unanchored pattern accepts superstrings; the API
/// check anchors the service model's patterns). Scalars CloudFormation converts to the declared type (<c>0</c> where a
/// string is declared) are not type errors. Values unknown until deployment are never judged; a property name is
/// judged even when its value is unknown. <c>oneOf</c> is read as a union: exactly one of the alternatives' members.
/// </summary>
internal static class CfnSchemaValidator
{
    /// <summary>Validates <paramref name="properties"/>.</summary>
    /// <param name="schema">The type's schema.</param>
    /// <param name="properties">The resolved properties.</param>
    /// <param name="anchor">Where findings about the properties as a whole point (the <c>Properties</c> key).</param>
    /// <returns>The issues, in the order met. Never throws for any tree.</returns>
    public static IReadOnlyList<CfnIssue> Validate(CfnResourceSchema schema, ObjectNode properties, SourceSpan anchor)
    {
        var index = new NodeIndex();
        var errors = new List<Violation>();
        try
        {
            JToken token;
            using (var reader = new TreeJsonReader(properties, null, index))
            {
                token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            }

            Flatten(new JsonSchemaValidator().Validate(token, schema.Schema), errors, index);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or Newtonsoft.Json.JsonException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            // A schema keyword NJsonSchema cannot evaluate must not stop the lint; the API check still runs.
            return Array.Empty<CfnIssue>();
        }

        var contract = $"the CloudFormation schema of {schema.TypeName}";
        var issues = new List<CfnIssue>();
        var seen = new HashSet<(string, string, string?)>();
        foreach (var error in errors)
        {
            if (ToIssue(error, index, contract, schema.TypeName, anchor) is { } issue && seen.Add((issue.RuleId, issue.Pointer, issue.MissingMember)))
            {
                issues.Add(issue);
            }
        }

        // One problem, one finding: a value of the wrong type also fails its enum or pattern; say only what is wrong first.
        var typeErrors = new HashSet<string>(issues.Where(i => i.RuleId == RuleIds.WrongType).Select(i => i.Pointer), StringComparer.Ordinal);
        var valueSeen = new HashSet<string>(StringComparer.Ordinal);
        return issues.Where(i => !IsValueRule(i.RuleId) || (i.RuleId == RuleIds.WrongType || !typeErrors.Contains(i.Pointer)) && valueSeen.Add(i.Pointer)).ToList();
    }

    private static bool IsValueRule(string ruleId) => ruleId is RuleIds.WrongType or RuleIds.EnumValue or RuleIds.Pattern or RuleIds.Length or RuleIds.NumberRange;

    private static void Flatten(IEnumerable<ValidationError> errors, List<Violation> into, NodeIndex index)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
            {
                FlattenAlternatives(child, into, index);
            }
            else if (error is ChildSchemaValidationError nested && nested.Errors.Count > 0)
            {
                foreach (var list in nested.Errors.Values)
                {
                    Flatten(list, into, index);
                }
            }
            else
            {
                into.Add(new Violation(error, null));
            }
        }
    }

    /// <summary>
    /// CloudFormation schemas use <c>oneOf</c> for unions (each alternative requires one member) and, in Memory, over
    /// alternatives that a valid value can match several of. So: any alternative that matches makes the value valid
    /// (the API's union rule judges cardinality); otherwise, for a union, a wrong number of members is one ACL1008
    /// finding, and one member present means that member's alternative explains the error.
    /// </summary>
    private static void FlattenAlternatives(ChildSchemaValidationError error, List<Violation> into, NodeIndex index)
    {
        if (error.Errors.Count == 0 || error.Errors.Values.Any(e => e.Count == 0))
        {
            return;
        }

        var members = error.Errors.Keys.Select(s => s.ActualSchema.RequiredProperties.Count == 1 ? s.ActualSchema.RequiredProperties.First() : null).ToList();
        if (members.All(m => m is not null) && members.Distinct(StringComparer.Ordinal).Count() == members.Count &&
            error.HasLineInfo && error.LineNumber >= 1 && error.LineNumber <= index.Count && index[error.LineNumber].Node is ObjectNode obj)
        {
            var present = members.Where(m => obj.Find(m!) is not null).ToList();
            if (present.Count != 1)
            {
                into.Add(new Violation(error, new UnionInfo(members!, present!)));
                return;
            }

            var chosen = error.Errors.First(e => e.Key.ActualSchema.RequiredProperties.Contains(present[0]!));
            Flatten(chosen.Value, into, index);
            return;
        }

        Flatten(error.Errors.OrderBy(e => e.Value.Count).First().Value, into, index);
    }

    private static CfnIssue? ToIssue(Violation violation, NodeIndex index, string contract, string typeName, SourceSpan anchor)
    {
        var error = violation.Error;
        if (!error.HasLineInfo || error.LineNumber < 1 || error.LineNumber > index.Count)
        {
            return null;
        }

        var at = index[error.LineNumber];
        var path = at.ApiPath;
        var name = path.Length == 0 ? $"the Properties of {typeName}" : $"'{path}'";
        var schema = error.Schema?.ActualSchema;

        if (violation.Union is { } union)
        {
            var sets = union.Present.Count == 0 ? "sets none" : $"sets {string.Join(" and ", union.Present)}";
            return new CfnIssue(RuleIds.Union, at.Node.Span.Head, at.Node.Pointer, at.Node,
                _ => $"{Capitalize(name)} must set exactly one of: {string.Join(", ", union.Members)}; it {sets} ({contract}).");
        }

        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
            {
                var member = error.Property ?? "?";
                var (span, pointer) = path.Length == 0
                    ? (anchor, at.Node.Pointer)
                    : at.Holder is { } holder ? (holder.KeySpan, holder.Pointer) : (at.Node.Span.Head, at.Node.Pointer);
                return new CfnIssue(RuleIds.RequiredMember, span, pointer, at.Node,
                    _ => $"Missing required property '{member}' in {name}; {contract} requires it.", member);
            }

            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
            {
                var key = at.Key ?? (at.Node as ObjectNode)?.Find(error.Property ?? "");
                if (key is null)
                {
                    return null;
                }

                var owner = path.Contains('.') ? $"'{path[..path.LastIndexOf('.')]}'" : at.Key is null ? name : $"the Properties of {typeName}";
                var valid = schema?.ActualProperties.Keys.ToList() ?? new List<string>();
                var suggestion = Suggestions.Closest(key.Name, valid);
                var hint = suggestion is not null ? $"did you mean '{suggestion}'?"
                    : valid.Count > 0 ? $"valid properties are: {string.Join(", ", valid.Take(15))}{(valid.Count > 15 ? ", …" : "")}."
                    : "remove it.";
                if (SecretDetectors.InspectText(key.Name) is not null)
                {
                    return new CfnIssue(RuleIds.UnknownMember, key.KeySpan, key.Pointer, key.Value,
                        _ => $"A property name in {owner} looks like a credential and is not a property {contract} defines; property names are names, not secrets.");
                }

                return new CfnIssue(RuleIds.UnknownMember, key.KeySpan, key.Pointer, key.Value,
                    _ => $"Unknown property '{key.Name}' in {owner}, which {contract} does not define; {hint}");
            }
        }

        if (at.Node is UnknownNode)
        {
            return null; // Known only at deployment: its value cannot be judged.
        }

        switch (error.Kind)
        {
            case ValidationErrorKind.StringExpected:
            case ValidationErrorKind.NumberExpected:
            case ValidationErrorKind.IntegerExpected:
            case ValidationErrorKind.BooleanExpected:
            case ValidationErrorKind.ObjectExpected:
            case ValidationErrorKind.ArrayExpected:
            case ValidationErrorKind.NullExpected:
            case ValidationErrorKind.NoTypeValidates:
                if (IsConvertible(at.Node, error.Kind))
                {
                    return null;
                }

                return new CfnIssue(RuleIds.WrongType, Where(at), at.Node.Pointer, at.Node,
                    s => $"{Capitalize(name)} must be {Expected(error.Kind)} in {contract}, not {at.Node.KindDescription}{Echo(at.Node, s, " ")}.{TypeHint(typeName, path, at.Node)}");

            case ValidationErrorKind.NotInEnumeration:
            {
                var allowed = schema?.Enumeration.Select(v => v?.ToString() ?? "null").ToList() ?? new List<string>();
                return new CfnIssue(RuleIds.EnumValue, at.Node.Span, at.Node.Pointer, at.Node,
                    s => $"{Capitalize(name)} has value{Echo(at.Node, s, " ")}, which {contract} does not allow; use one of: {string.Join(", ", allowed)} (case-sensitive).");
            }

            case ValidationErrorKind.PatternMismatch:
                return new CfnIssue(RuleIds.Pattern, at.Node.Span, at.Node.Pointer, at.Node,
                    s => $"{Capitalize(name)}{Echo(at.Node, s, " ")} does not match the pattern `{schema?.Pattern}` of {contract}.");

            case ValidationErrorKind.StringTooShort:
            case ValidationErrorKind.StringTooLong:
            {
                var length = (at.Node as ScalarNode)?.Text is { } text ? CountScalars(text) : 0;
                return new CfnIssue(RuleIds.Length, Where(at), at.Node.Pointer, at.Node,
                    _ => $"{Capitalize(name)} is {Plural(length, "character")} long; {contract} allows {Range(schema?.MinLength, schema?.MaxLength, "character")}.");
            }

            case ValidationErrorKind.TooFewItems:
            case ValidationErrorKind.TooManyItems:
            {
                var count = (at.Node as ArrayNode)?.Items.Count ?? 0;
                return new CfnIssue(RuleIds.Length, Where(at), at.Node.Pointer, at.Node,
                    _ => $"{Capitalize(name)} has {Plural(count, "item")}; {contract} allows {Range(schema?.MinItems, NullIfZero(schema?.MaxItems), "item")}.");
            }

            case ValidationErrorKind.ItemsNotUnique:
                return new CfnIssue(RuleIds.Length, Where(at), at.Node.Pointer, at.Node,
                    _ => $"{Capitalize(name)} lists the same item more than once; {contract} requires unique items.");

            case ValidationErrorKind.TooFewProperties:
            case ValidationErrorKind.TooManyProperties:
            {
                var obj = at.Node as ObjectNode;
                var count = obj?.Properties.Count ?? 0;
                if (schema is { MaxProperties: 1 } && schema.ActualProperties.Count > 1)
                {
                    // maxProperties 1 over declared properties is how these schemas spell a union.
                    var sets = count == 0 ? "sets none" : $"sets {string.Join(" and ", obj!.Properties.Select(p => p.Name))}";
                    return new CfnIssue(RuleIds.Union, at.Node.Span.Head, at.Node.Pointer, at.Node,
                        _ => $"{Capitalize(name)} must set exactly one of: {string.Join(", ", schema.ActualProperties.Keys)}; it {sets} ({contract}).");
                }

                return new CfnIssue(RuleIds.Length, Where(at), at.Node.Pointer, at.Node,
                    _ => $"{Capitalize(name)} has {Plural(count, "entry", "entries")}; {contract} allows {Range(schema?.MinProperties, NullIfZero(schema?.MaxProperties), "entry", "entries")}.");
            }

            case ValidationErrorKind.NumberTooSmall:
            case ValidationErrorKind.NumberTooBig:
            case ValidationErrorKind.IntegerTooBig:
            {
                var bound = error.Kind == ValidationErrorKind.NumberTooSmall ? $"below the minimum {Format(schema?.Minimum)}" : $"above the maximum {Format(schema?.Maximum)}";
                return new CfnIssue(RuleIds.NumberRange, at.Node.Span, at.Node.Pointer, at.Node,
                    s => $"{Capitalize(name)}{Echo(at.Node, s, " ")} is {bound} of {contract}.");
            }

            case ValidationErrorKind.DateTimeExpected:
            case ValidationErrorKind.DateExpected:
            case ValidationErrorKind.TimeExpected:
            case ValidationErrorKind.UriExpected:
                return new CfnIssue(RuleIds.Pattern, at.Node.Span, at.Node.Pointer, at.Node,
                    s => $"{Capitalize(name)}{Echo(at.Node, s, " ")} is not in the format {contract} requires ({error.Kind}).");

            default:
                return new CfnIssue(RuleIds.WrongType, Where(at), at.Node.Pointer, at.Node,
                    _ => $"{Capitalize(name)} is not valid in {contract} ({error.Kind}).");
        }
    }

    /// <summary>CloudFormation converts a template scalar to the declared scalar type when the text allows it (YAML
    /// <c>FLAG: 0</c> for a string property, <c>Timeout: "60"</c> for an integer one), as cfn-lint's non-strict mode accepts.</summary>
    private static bool IsConvertible(DocNode node, ValidationErrorKind expected) => node is ScalarNode scalar && expected switch
    {
        ValidationErrorKind.StringExpected => scalar.Kind is NodeKind.Integer or NodeKind.Float or NodeKind.Boolean,
        ValidationErrorKind.IntegerExpected => scalar.Kind == NodeKind.String && long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        ValidationErrorKind.NumberExpected => scalar.Kind == NodeKind.String && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        ValidationErrorKind.BooleanExpected => scalar.Kind == NodeKind.String && scalar.Text.ToLowerInvariant() is "true" or "false",
        _ => false,
    };

    /// <summary>Explains the CloudFormation spellings that differ from the API's, where a user is likely to write the API's.</summary>
    private static string TypeHint(string typeName, string path, DocNode node) => (typeName, path) switch
    {
        ("AWS::BedrockAgentCore::Runtime", "ProtocolConfiguration") when node is ObjectNode =>
            " In CloudFormation, ProtocolConfiguration is the protocol itself (ProtocolConfiguration: HTTP), not the API's {serverProtocol: …} object.",
        _ => "",
    };

    private static string Expected(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "a string",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.IntegerExpected => "an integer",
        ValidationErrorKind.BooleanExpected => "a boolean (true or false)",
        ValidationErrorKind.ObjectExpected => "an object",
        ValidationErrorKind.ArrayExpected => "a list",
        ValidationErrorKind.NullExpected => "null",
        _ => "of another type",
    };

    private static string Echo(DocNode node, Func<DocNode, bool> isSensitive, string prefix) => Quote(node, isSensitive(node), prefix);

    private static string Range(int? min, int? max, string unit, string? plural = null) => Bounds(min, max, unit, plural);

    private static string Capitalize(string text) => text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    /// <summary>A validation error, or a union (<c>oneOf</c> of one-member alternatives) with zero or several members set.</summary>
    private sealed record Violation(ValidationError Error, UnionInfo? Union);

    /// <summary>The members of a union and those the value sets.</summary>
    private sealed record UnionInfo(IReadOnlyList<string> Members, IReadOnlyList<string> Present);

    /// <summary>Where a value finding points: a scalar itself; an object or list at its member key, the property's own
    /// line (a block mapping's span starts at its first nested key).</summary>
    private static SourceSpan Where(IndexedNode at) =>
        at.Node is ObjectNode or ArrayNode && at.Holder is { } holder ? holder.KeySpan : at.Node.Span;

    /// <summary>NJsonSchema uses 0 for "no maximum" on item and property counts.</summary>
    private static int? NullIfZero(int? value) => value is 0 ? null : value;
}
