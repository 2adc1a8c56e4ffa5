using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Secrets;
using static AgentCoreLint.Rules.Schema.MessageText;

namespace AgentCoreLint.Rules.Schema;

/// <summary>
/// Schema conformance of one request against the AgentCore Control service model (botocore
/// <c>bedrock-agentcore-control</c> 2023-06-05, compiled into <see cref="ApiModel"/>): required members (ACL1001),
/// unknown members with "did you mean" (ACL1002), value types (ACL1003), enums (ACL1004), whole-value patterns
/// (ACL1005), lengths and counts (ACL1006), numeric ranges (ACL1007), and the constraints of map keys. Union
/// cardinality (ACL1008) is left to the union rule, which explains it better.
/// </summary>
/// <remarks>
/// Lengths are counted in Unicode scalar values, as Smithy's <c>length</c> trait and the service count them (an
/// emoji is one character, not two UTF-16 code units). Patterns are Smithy searches applied by the service to the
/// whole value, so they are anchored. When one value breaks several constraints, one finding names the constraint
/// that explains it best and mentions the others. Values of <c>sensitive</c> shapes (and of any member below one)
/// and anything that looks like a credential are never echoed. <see cref="UnknownNode"/> values are not judged.
/// Stateless and thread-safe; patterns compile on first use.
/// </remarks>
public sealed class ShapeValidator
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The process-wide instance.</summary>
    public static ShapeValidator Shared { get; } = new();

    /// <summary>Validates one request.</summary>
    /// <param name="target">The request; when its operation is not in the model nothing is reported (the
    /// request checker reports the operation itself).</param>
    /// <returns>The findings in document order, at the catalog's default levels.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public IReadOnlyList<Finding> Validate(LintTarget target)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        var walk = target.Walk;
        var visits = walk.Visits;
        var findings = new List<Finding>();
        var sensitive = new bool[visits.Count];
        foreach (var visit in visits)
        {
            sensitive[visit.Id] = visit.Shape.IsSensitive || (!visit.IsRoot && sensitive[visit.ParentId]) || visit.Node.IsSensitive;
            if (visit.Node is UnknownNode)
            {
                continue;
            }

            var at = new Site(target, walk, visit, sensitive[visit.Id]);
            if (!HasExpectedKind(visit.Shape.Type, visit.Node))
            {
                findings.Add(at.Make(RuleIds.WrongType, at.ContainerSpan, MessageIds.WrongType,
                    $"{at.Name} must be {Expected(visit.Shape.Type)}, not {visit.Node.KindDescription}{at.Echo}.",
                    ("expected", Expected(visit.Shape.Type)), ("actual", visit.Node.KindDescription)));
                continue;
            }

            switch (visit.Shape.Type)
            {
                case ShapeType.Structure:
                    CheckStructure(at, (ObjectNode)visit.Node, findings);
                    break;
                case ShapeType.List:
                    CheckCount(at, ((ArrayNode)visit.Node).Items.Count, "item", "items", findings);
                    break;
                case ShapeType.Map:
                    var map = (ObjectNode)visit.Node;
                    CheckCount(at, map.Properties.Count, "entry", "entries", findings);
                    CheckKeys(at, map, findings);
                    break;
                case ShapeType.String or ShapeType.Blob:
                    CheckString(at, (ScalarNode)visit.Node, findings);
                    break;
                case ShapeType.Integer or ShapeType.Long or ShapeType.Float or ShapeType.Double:
                    CheckRange(at, (ScalarNode)visit.Node, findings);
                    break;
            }
        }

        return findings;
    }

    /// <summary>
    /// Checks one literal against the constraints of a shape, for values a member can take that are not written
    /// where it is used (a CloudFormation parameter's <c>Default</c> or <c>AllowedValues</c>, an <c>Fn::If</c> branch,
    /// a Terraform variable's default). A literal of another scalar type is checked as the shape's type, since the
    /// deployment tool converts scalars.
    /// </summary>
    /// <param name="shape">The member's shape.</param>
    /// <param name="literal">The literal.</param>
    /// <returns>The broken constraint that explains the literal best, with the others named in its reason
    /// ("allowed values are …"); null when the literal is valid or the shape is not a string or number.</returns>
    public ConstraintViolation? CheckLiteral(Shape shape, ScalarNode literal)
    {
        if (shape is null || literal is null)
        {
            return null;
        }

        switch (shape.Type)
        {
            case ShapeType.String or ShapeType.Blob:
                return StringViolation(shape, literal.Text) is not { } violation ? null
                    : violation with
                    {
                        Reason = violation.RuleId switch
                        {
                            RuleIds.EnumValue => "allowed values are " + violation.Reason,
                            RuleIds.Length => "it " + violation.Reason,
                            _ => "it must be " + violation.Reason,
                        },
                    };
            case ShapeType.Integer or ShapeType.Long or ShapeType.Float or ShapeType.Double when literal.TryGetDouble(out var number) ||
                double.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number):
                return OutOfRange(shape, (decimal)number) is { } bound
                    ? new ConstraintViolation(RuleIds.NumberRange, $"it must be between {Format(shape.Min)} and {Format(shape.Max)}", bound)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>True when <paramref name="value"/> matches the shape's pattern as a whole (or it has none).</summary>
    /// <param name="shape">A string shape.</param>
    /// <param name="value">The value.</param>
    /// <returns>False on a mismatch; true when no verdict is possible in time (the model's patterns are linear, so
    /// only a pathological value can time out).</returns>
    public static bool MatchesPattern(Shape shape, string value)
    {
        if (shape.Pattern is null)
        {
            return true;
        }

        var regex = Patterns.GetOrAdd(shape.Pattern, p => new Regex(Anchor(p), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    /// <summary>A Smithy pattern as a whole-value match, as the generated JSON Schemas write it: <c>$(?!\n)</c>
    /// because <c>$</c> alone also matches before a final newline.</summary>
    /// <param name="modelPattern">The pattern as written in the model.</param>
    public static string Anchor(string modelPattern) => $"^(?:{modelPattern})$(?!\\n)";

    private static void CheckStructure(Site at, ObjectNode obj, List<Finding> findings)
    {
        var shape = at.Visit.Shape;
        foreach (var property in obj.Properties)
        {
            // A member whose value is Unknown is one an input adapter kept without judging it (a saved response's
            // newer member, a template property its own schema reports).
            if (shape.FindMember(property.Name) is not null || property.Value is UnknownNode)
            {
                continue;
            }

            var valid = shape.Members.Select(m => m.Name).ToList();
            var suggestion = Suggestions.Closest(property.Name, valid);
            var hint = suggestion is not null
                ? $"did you mean '{suggestion}'?"
                : valid.Count > 0 ? $"valid members are: {string.Join(", ", valid.Take(15))}{(valid.Count > 15 ? ", …" : "")}." : "remove it.";
            findings.Add(at.Make(RuleIds.UnknownMember, property.KeySpan, property.Pointer, MessageIds.UnknownMember,
                $"Unknown member '{Truncate(property.Name)}' in {at.Owner}; {hint}",
                ("member", property.Name), ("suggestion", suggestion ?? "")));
        }

        foreach (var required in shape.Required)
        {
            if (obj.Find(required) is not null)
            {
                continue;
            }

            var span = at.Visit.IsRoot ? at.Target.Anchor : at.Visit.Property?.KeySpan ?? obj.Span.Head;
            findings.Add(at.Make(RuleIds.RequiredMember, span, obj.Pointer, MessageIds.RequiredMember,
                $"Missing required member '{required}' in {at.Owner}; {at.Target.Contract} requires it for {at.Target.Operation}.",
                ("member", required)));
        }
    }

    private static void CheckCount(Site at, int count, string unit, string plural, List<Finding> findings)
    {
        var shape = at.Visit.Shape;
        if ((shape.Min is { } min && count < min) || (shape.Max is { } max && count > max))
        {
            findings.Add(at.Make(RuleIds.Length, at.ContainerSpan, MessageIds.CountOutOfRange,
                $"{at.Name} has {Plural(count, unit, plural)}; allowed: {Bounds(AsInt(shape.Min), AsInt(shape.Max), unit, plural)}.",
                ("count", count.ToString(CultureInfo.InvariantCulture))));
        }
    }

    private static void CheckKeys(Site at, ObjectNode map, List<Finding> findings)
    {
        if (at.Visit.Shape.MapKey is not { } keyShapeName || !ApiModel.Shapes.TryGetValue(keyShapeName, out var keyShape) ||
            (keyShape.Min is null && keyShape.Max is null && keyShape.Pattern is null && keyShape.EnumValues is null))
        {
            return;
        }

        foreach (var entry in map.Properties)
        {
            var key = entry.Name;
            if (SecretDetectors.InspectText(key) is not null)
            {
                findings.Add(at.Make(RuleIds.Pattern, entry.KeySpan, entry.Pointer, MessageIds.KeyLooksLikeSecret,
                    $"A key of {at.Name} looks like a credential and does not fit the key constraints of {keyShape.Name}; keys are names, not secrets."));
                continue;
            }

            if (StringViolation(keyShape, key) is { } violation)
            {
                var message = violation.RuleId == RuleIds.Length
                    ? $"Key '{Truncate(key)}' of {at.Name} {violation.Reason}."
                    : violation.RuleId == RuleIds.EnumValue
                        ? $"Key '{Truncate(key)}' of {at.Name} is not allowed; use one of: {violation.Reason} (case-sensitive)."
                        : $"Key '{Truncate(key)}' of {at.Name} is not {violation.Reason} ({keyShape.Name}).";
                findings.Add(at.Make(violation.RuleId, entry.KeySpan, entry.Pointer, violation.MessageId, message, ("key", key)));
            }
        }
    }

    private static void CheckString(Site at, ScalarNode value, List<Finding> findings)
    {
        if (StringViolation(at.Visit.Shape, value.Text) is not { } violation)
        {
            return;
        }

        var message = violation.RuleId switch
        {
            RuleIds.EnumValue => $"{at.Name} has value{at.Echo} which is not allowed; use one of: {violation.Reason} (case-sensitive).",
            RuleIds.Length => $"{at.Name} {violation.Reason}.",
            _ => $"{at.Name}{at.Echo} is not {violation.Reason}.",
        };
        var span = violation.RuleId == RuleIds.Length ? at.ContainerSpan : value.Span;
        findings.Add(at.Make(violation.RuleId, span, value.Pointer, violation.MessageId, message));
    }

    private static void CheckRange(Site at, ScalarNode value, List<Finding> findings)
    {
        var shape = at.Visit.Shape;
        if (!value.TryGetDouble(out var number) || OutOfRange(shape, (decimal)Math.Max(Math.Min(number, (double)decimal.MaxValue), (double)decimal.MinValue)) is not { } bound)
        {
            return;
        }

        var text = bound == MessageIds.BelowMinimum ? $"below the minimum {Format(shape.Min)}" : $"above the maximum {Format(shape.Max)}";
        var range = shape.Min is not null && shape.Max is not null ? $" (allowed: {Format(shape.Min)} to {Format(shape.Max)})" : "";
        findings.Add(at.Make(RuleIds.NumberRange, value.Span, value.Pointer, bound, $"{at.Name}{at.Echo} is {text}{range}."));
    }

    private static string? OutOfRange(Shape shape, decimal number) =>
        shape.Min is { } min && number < min ? MessageIds.BelowMinimum
        : shape.Max is { } max && number > max ? MessageIds.AboveMaximum
        : null;

    /// <summary>
    /// The constraint a string breaks that explains it best, with the others mentioned: a value shorter than the
    /// minimum (most often empty) is explained by its length; otherwise an enum, then the pattern (whose description
    /// usually implies the length), then the length. The reason is a fragment the callers word: for a length
    /// "is 0 characters long; allowed: …", for a pattern "a … ; the whole value must match …", for an enum the values.
    /// </summary>
    private static ConstraintViolation? StringViolation(Shape shape, string text)
    {
        var length = CountScalars(text);
        var tooShort = shape.Min is { } min && length < min;
        var tooLong = shape.Max is { } max && length > max;
        var notInEnum = shape.EnumValues is { } values && !values.Contains(text, StringComparer.Ordinal);
        var mismatch = !notInEnum && !MatchesPattern(shape, text);
        var lengthReason = $"is {Plural(length, "character")} long; allowed: {Bounds(AsInt(shape.Min), AsInt(shape.Max), "character")}";
        if (tooShort)
        {
            var also = mismatch ? $" (it also does not match the model pattern `{shape.Pattern}`)" : "";
            return new ConstraintViolation(RuleIds.Length, lengthReason + also, MessageIds.LengthOutOfRange);
        }

        if (notInEnum)
        {
            return new ConstraintViolation(RuleIds.EnumValue, string.Join(", ", shape.EnumValues!), MessageIds.NotInEnum);
        }

        if (mismatch)
        {
            var also = tooLong ? $"; it is also {Plural(length, "character")} long (allowed: {Bounds(AsInt(shape.Min), AsInt(shape.Max), "character")})" : "";
            return new ConstraintViolation(RuleIds.Pattern,
                $"{PatternDescriptions.Describe(shape.Pattern!)}; the whole value must match the model pattern `{shape.Pattern}`{also}", MessageIds.PatternMismatch);
        }

        return tooLong ? new ConstraintViolation(RuleIds.Length, lengthReason, MessageIds.LengthOutOfRange) : null;
    }

    private static bool HasExpectedKind(ShapeType type, DocNode node) => type switch
    {
        ShapeType.Document => true,
        ShapeType.Structure or ShapeType.Map => node is ObjectNode,
        ShapeType.List => node is ArrayNode,
        ShapeType.String or ShapeType.Blob => node.Kind == NodeKind.String,
        ShapeType.Integer or ShapeType.Long => node.Kind == NodeKind.Integer,
        ShapeType.Float or ShapeType.Double => node.Kind is NodeKind.Integer or NodeKind.Float,
        ShapeType.Boolean => node.Kind == NodeKind.Boolean,
        ShapeType.Timestamp => node.Kind is NodeKind.String or NodeKind.Integer or NodeKind.Float,
        _ => true,
    };

    private static string Expected(ShapeType type) => type switch
    {
        ShapeType.Structure or ShapeType.Map => "an object",
        ShapeType.List => "a list",
        ShapeType.String or ShapeType.Blob => "a string",
        ShapeType.Integer or ShapeType.Long => "an integer",
        ShapeType.Float or ShapeType.Double => "a number",
        ShapeType.Boolean => "a boolean (true or false)",
        ShapeType.Timestamp => "a string or a number",
        _ => "of another type",
    };

    private static int? AsInt(decimal? value) => value is null ? null : (int)Math.Min(value.Value, int.MaxValue);

    /// <summary>One visit seen by the checks: names, echo and finding construction.</summary>
    private sealed class Site(LintTarget target, ShapeWalk walk, ShapeVisit visit, bool sensitive)
    {
        public LintTarget Target { get; } = target;

        public ShapeVisit Visit { get; } = visit;

        /// <summary>The value's API path as a message subject, e.g. <c>networkConfiguration.networkMode</c>.</summary>
        public string Name => Visit.IsRoot ? $"The {Target.Operation} request" : walk.PathOf(Visit);

        /// <summary>The structure or map as the owner of a member, e.g. <c>'networkConfiguration'</c>.</summary>
        public string Owner => Visit.IsRoot ? $"the {Target.Operation} request" : $"'{walk.PathOf(Visit)}'";

        /// <summary>" 'value'", or a redacted description, or "" for containers.</summary>
        public string Echo => Quote(Visit.Node, sensitive, " ");

        /// <summary>Where a finding about the value as a whole points: a scalar itself; an object or list at the key
        /// that holds it (a block mapping's span starts at its first nested key, not on the member's line).</summary>
        public SourceSpan ContainerSpan =>
            Visit.Node is ObjectNode or ArrayNode && Visit.Property is { } holder ? holder.KeySpan : Visit.Node.Span;

        public Finding Make(string ruleId, SourceSpan span, string messageId, string message, params (string Name, string Value)[] arguments) =>
            Make(ruleId, span, Visit.Node.Pointer, messageId, message, arguments);

        public Finding Make(string ruleId, SourceSpan span, string pointer, string messageId, string message, params (string Name, string Value)[] arguments)
        {
            var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["path"] = Visit.IsRoot ? "" : walk.PathOf(Visit) };
            foreach (var (name, value) in arguments)
            {
                data[name] = value;
            }

            return Finding.Create(ruleId, span, pointer, message, Target.LogicalLocation) with { MessageId = messageId, Arguments = data };
        }
    }
}

/// <summary>A constraint a literal breaks.</summary>
/// <param name="RuleId">ACL1004 (enum), ACL1005 (pattern), ACL1006 (length) or ACL1007 (range).</param>
/// <param name="Reason">What the member requires, for a message: "allowed values are …", "it must be …",
/// "it is 0 characters long; allowed: …".</param>
/// <param name="MessageId">The message id of the violation (see <see cref="MessageIds"/>).</param>
public sealed record ConstraintViolation(string RuleId, string Reason, string MessageId);
