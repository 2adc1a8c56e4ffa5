using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Engine;
using AgentCoreLint.Rules.Findings;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Secrets;
using static AgentCoreLint.Core.Schema.MessageText;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AgentCoreLint.Core.Schema;

/// <summary>
/// Checks a request against the JSON Schema generated from the AWS service model for its operation
/// (<c>schemas/api/&lt;Operation&gt;.json</c>, embedded) with NJsonSchema, and turns every violation into a finding
/// (ACL1001–ACL1007) located at the offending key or value. Union cardinality (ACL1008) is left to the union rule,
/// which explains it better. Values of <c>sensitive</c> shapes are never echoed. Thread-safe; schemas load lazily,
/// once per operation.
/// </summary>
public sealed class SchemaValidator
{
    private readonly ConcurrentDictionary<string, Lazy<OperationSchema>> _schemas = new(StringComparer.Ordinal);

    static SchemaValidator()
    {
        // NJsonSchema matches patterns through Regex's static cache (15 entries by default); the model has over 100
        // distinct patterns, so a larger cache avoids recompiling them for every document.
        if (Regex.CacheSize < 512)
        {
            Regex.CacheSize = 512;
        }
    }

    /// <summary>How an ACL1001 message of this validator starts; the missing member's name and a quote follow.</summary>
    private const string MissingMemberPrefix = "Missing required member '";

    /// <summary>The process-wide instance (schemas are cached in it).</summary>
    public static SchemaValidator Shared { get; } = new();

    /// <summary>True when a schema exists for <paramref name="operation"/>.</summary>
    public static bool HasSchema(string operation) =>
        typeof(SchemaValidator).Assembly.GetManifestResourceInfo(ResourceName(operation)) is not null;

    /// <summary>Validates one request.</summary>
    /// <param name="target">The request; its operation must have a schema (<see cref="HasSchema"/>).</param>
    /// <returns>The findings, in the order the validator met them (the engine sorts).</returns>
    /// <exception cref="KeyNotFoundException">No schema exists for the target's operation.</exception>
    public IReadOnlyList<Finding> Validate(LintTarget target)
    {
        var operationSchema = GetSchema(target.Operation);
        var index = new NodeIndex();
        JToken token;
        using (var reader = new TreeJsonReader(target.Request, ApiModel.InputOf(target.Operation), index))
        {
            token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        }

        var errors = new List<ValidationError>();
        Flatten(new JsonSchemaValidator().Validate(token, operationSchema.Schema), errors);

        var findings = new List<Finding>();
        // One finding per rule, pointer and message. A string key: a tuple key would be generic code compiled at start-up.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (ToFinding(target, index, error) is { } finding && seen.Add(finding.RuleId + "\n" + finding.Pointer + "\n" + finding.Message))
            {
                findings.Add(finding);
            }
        }

        foreach (var key in index.All.Where(n => n.MapShape is not null))
        {
            if (operationSchema.MapKeys.TryGetValue(key.MapShape!.Name, out var constraint) && CheckKey(target, key, constraint) is { } finding)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    /// <summary>
    /// Runs NJsonSchema and Newtonsoft.Json once over a small schema built in code, with one violation of each kind the
    /// generated schemas can report (unknown member, missing member, type, enum, pattern, length, range, item count),
    /// so that their code is loaded and compiled before the first real validation, then loads the small
    /// <c>SetTokenVaultCMK</c> schema (the schema reader's first use). Needs no shape table, so it can run while that is
    /// being built elsewhere. For <c>WarmUp</c>.
    /// </summary>
    internal void WarmUpEngine()
    {
        // The forms SchemaGen writes: members as allOf [$ref], definitions holding the constraints.
        static JsonSchemaProperty Member(JsonSchema definition)
        {
            var member = new JsonSchemaProperty();
            member.AllOf.Add(new JsonSchema { Reference = definition });
            return member;
        }

        var name = new JsonSchema { Type = JsonObjectType.String, MinLength = 1, MaxLength = 4, Pattern = "^(?:[a-z]+)$(?!\\n)" };
        var kind = new JsonSchema { Type = JsonObjectType.String };
        kind.Enumeration.Add("A");
        var count = new JsonSchema { Type = JsonObjectType.Integer, Minimum = 1, Maximum = 10 };
        var list = new JsonSchema { Type = JsonObjectType.Array, MinItems = 2, Item = new JsonSchema { Reference = name } };
        var map = new JsonSchema { Type = JsonObjectType.Object, AdditionalPropertiesSchema = new JsonSchema { Reference = count } };
        var request = new JsonSchema { Type = JsonObjectType.Object, AllowAdditionalProperties = false };
        request.Definitions["Name"] = name;
        request.Properties["name"] = Member(name);
        request.Properties["kind"] = Member(kind);
        request.Properties["required"] = Member(kind);
        request.Properties["flag"] = Member(new JsonSchema { Type = JsonObjectType.Boolean });
        request.Properties["count"] = Member(count);
        request.Properties["list"] = Member(list);
        request.Properties["map"] = Member(map);
        request.RequiredProperties.Add("required");

        var token = JToken.Parse(
            "{\"name\": \"Warm up\", \"kind\": \"B\", \"flag\": 1, \"count\": 0.5, \"list\": [\"x\"], \"map\": {\"k\": 11}, \"other\": null}",
            new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
        var errors = new List<ValidationError>();
        Flatten(new JsonSchemaValidator().Validate(token, request), errors);

        // Then the schema reader (System.Text.Json's JsonDocument) on a small generated schema, as loading the real
        // operation's schema will use it.
        _ = GetSchema("SetTokenVaultCMK");
    }

    /// <summary>The member an ACL1001 finding of this validator says is missing, or null for any other finding.</summary>
    internal static string? MissingMemberOf(Finding finding)
    {
        if (finding.RuleId != "ACL1001" || !finding.Message.StartsWith(MissingMemberPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = finding.Message.IndexOf('\'', MissingMemberPrefix.Length);
        return end > MissingMemberPrefix.Length ? finding.Message[MissingMemberPrefix.Length..end] : null;
    }

    /// <summary>
    /// Checks one literal against the constraints of one member of an operation's request, for values an input can take
    /// that are not written where they are used (a CloudFormation parameter's <c>Default</c> or <c>AllowedValues</c>).
    /// Type mismatches are not reported: the deployment tool converts scalars.
    /// </summary>
    /// <param name="operation">An operation with a schema (<see cref="HasSchema"/>).</param>
    /// <param name="apiPath">The member's path: member names, <c>*</c> for a list item, <c>{}</c> for a map value.</param>
    /// <param name="literal">The literal.</param>
    /// <returns>Each violated constraint as a rule id (ACL1004–ACL1007) and a reason ("allowed values are …"), or an
    /// empty list when the literal is valid or the path has no schema.</returns>
    internal IReadOnlyList<(string RuleId, string Reason)> CheckLiteral(string operation, IReadOnlyList<string> apiPath, ScalarNode literal)
    {
        var schema = GetSchema(operation).Schema.ActualSchema;
        foreach (var token in apiPath)
        {
            JsonSchema? next = token switch
            {
                "*" => schema.Item,
                "{}" => schema.AdditionalPropertiesSchema ?? schema.PatternProperties.Values.FirstOrDefault(),
                _ => schema.ActualProperties.TryGetValue(token, out var property) ? property : null,
            };
            if (next is null)
            {
                return Array.Empty<(string, string)>();
            }

            schema = next.ActualSchema;
        }

        JToken value = literal.Kind switch
        {
            NodeKind.Integer when literal.TryGetInt64(out var l) => new JValue(l),
            NodeKind.Float when literal.TryGetDouble(out var d) => new JValue(d),
            NodeKind.Boolean => new JValue(literal.AsBoolean == true),
            _ => new JValue(literal.Text),
        };

        // A literal of another scalar type is converted by the deployment tool: check it as that type.
        if (value.Type != JTokenType.String && schema.Type.HasFlag(JsonObjectType.String))
        {
            value = new JValue(literal.Text);
        }
        else if (value.Type == JTokenType.String && schema.Type.HasFlag(JsonObjectType.Integer) && long.TryParse(literal.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
        {
            value = new JValue(parsed);
        }

        var reasons = new List<(string, string)>();
        foreach (var error in schema.Validate(value))
        {
            var errorSchema = error.Schema?.ActualSchema ?? schema;
            switch (error.Kind)
            {
                case ValidationErrorKind.NotInEnumeration:
                    reasons.Add(("ACL1004", $"allowed values are {string.Join(", ", errorSchema.Enumeration.Select(v => v?.ToString() ?? "null"))}"));
                    break;
                case ValidationErrorKind.PatternMismatch:
                {
                    var pattern = errorSchema.ExtensionData is { } ext && ext.TryGetValue("x-pattern", out var p) && p is string x ? x : errorSchema.Pattern ?? "";
                    reasons.Add(("ACL1005", $"it must be {PatternDescriptions.Describe(pattern)}; the whole value must match the model pattern `{pattern}`"));
                    break;
                }

                case ValidationErrorKind.StringTooShort:
                case ValidationErrorKind.StringTooLong:
                    reasons.Add(("ACL1006", $"it is {Plural(CountScalars(literal.Text), "character")} long; {Range(errorSchema.MinLength, errorSchema.MaxLength, "character")}"));
                    break;
                case ValidationErrorKind.NumberTooSmall:
                case ValidationErrorKind.NumberTooBig:
                case ValidationErrorKind.IntegerTooBig:
                    reasons.Add(("ACL1007", $"it must be between {Format(errorSchema.Minimum)} and {Format(errorSchema.Maximum)}"));
                    break;
            }
        }

        return reasons;
    }

    private OperationSchema GetSchema(string operation) =>
        _schemas.GetOrAdd(operation, op => new Lazy<OperationSchema>(() => Load(op))).Value;

    private static OperationSchema Load(string operation)
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(ResourceName(operation))
            ?? throw new KeyNotFoundException($"No schema for operation '{operation}'.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // The fast reader handles everything SchemaGen emits (a test checks every embedded schema); NJsonSchema's own,
        // slow-starting reader stays the fallback for anything else.
        var schema = GeneratedSchemaReader.TryRead(text) ?? JsonSchema.FromJsonAsync(text).GetAwaiter().GetResult();
        return new OperationSchema(schema, MapKeyConstraints.Read(text));
    }

    private static Finding? CheckKey(LintTarget target, IndexedNode at, MapKeyConstraint constraint)
    {
        var key = at.Key!;
        if (SecretDetectors.InspectText(key.Name) is not null)
        {
            return Make(target, "ACL1005", key.KeySpan, key.Pointer, $"A key of {MapName(at)} looks like a credential and does not fit the key constraints of {constraint.KeyShape}; keys are names, not secrets.");
        }

        var map = at.ApiPath.Contains('[') ? at.ApiPath[..at.ApiPath.LastIndexOf('[')] : at.ApiPath;
        var length = CountScalars(key.Name);
        if ((constraint.MinLength is { } min && length < min) || (constraint.MaxLength is { } max && length > max))
        {
            return Make(target, "ACL1006", key.KeySpan, key.Pointer,
                $"Key '{Truncate(key.Name)}' of {map} is {Plural(length, "character")} long; {Range(constraint.MinLength, constraint.MaxLength, "character")}.");
        }

        if (!constraint.MatchesPattern(key.Name))
        {
            return Make(target, "ACL1005", key.KeySpan, key.Pointer,
                $"Key '{Truncate(key.Name)}' of {map} is not {PatternDescriptions.Describe(constraint.ModelPattern ?? "")}; the whole key must match the model pattern `{constraint.ModelPattern}` ({constraint.KeyShape}).");
        }

        return null;
    }

    private static string MapName(IndexedNode at) => at.ApiPath.Contains('[') ? at.ApiPath[..at.ApiPath.LastIndexOf('[')] : at.ApiPath;

    private sealed record OperationSchema(JsonSchema Schema, IReadOnlyDictionary<string, MapKeyConstraint> MapKeys);

    private static string ResourceName(string operation) => $"schemas/api/{operation}.json";

    private static void Flatten(IEnumerable<ValidationError> errors, List<ValidationError> into)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Count > 0)
            {
                foreach (var nested in child.Errors.Values)
                {
                    Flatten(nested, into);
                }
            }
            else
            {
                into.Add(error);
            }
        }
    }

    private static Finding? ToFinding(LintTarget target, NodeIndex index, ValidationError error)
    {
        if (!error.HasLineInfo || error.LineNumber < 1 || error.LineNumber > index.Count)
        {
            return null;
        }

        var at = index[error.LineNumber];
        if (at.Node is UnknownNode)
        {
            // Unknown until deployment: only structural errors about its parent can be judged, not its value.
            return null;
        }

        var schema = error.Schema?.ActualSchema;
        var name = at.ApiPath.Length == 0 ? $"The {target.Operation} request" : at.ApiPath;
        switch (error.Kind)
        {
            case ValidationErrorKind.PropertyRequired:
            {
                var member = error.Property ?? "?";
                var where = at.ApiPath.Length == 0 ? $"the {target.Operation} request" : $"'{at.ApiPath}'";
                var (span, pointer) = at.ApiPath.Length == 0
                    ? (target.Anchor, at.Node.Pointer)
                    : at.Holder is { } holder ? (holder.KeySpan, holder.Pointer) : (at.Node.Span.Head, at.Node.Pointer);
                return Make(target, "ACL1001", span, pointer, $"{MissingMemberPrefix}{member}' in {where}; {target.Contract} requires it for {target.Operation}.");
            }

            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
            {
                var key = at.Key ?? (at.Node as ObjectNode)?.Find(error.Property ?? "");
                if (key is null)
                {
                    return null;
                }

                var parentPath = at.ApiPath.Contains('.') ? at.ApiPath[..at.ApiPath.LastIndexOf('.')] : "";
                var valid = schema is not null ? schema.ActualProperties.Keys.ToList() : new List<string>();
                var suggestion = Suggestions.Closest(key.Name, valid);
                var hint = suggestion is not null
                    ? $"did you mean '{suggestion}'?"
                    : valid.Count > 0 ? $"valid members are: {string.Join(", ", valid.Take(15))}{(valid.Count > 15 ? ", …" : "")}." : "remove it.";
                var owner = parentPath.Length == 0 ? $"the {target.Operation} request" : $"'{parentPath}'";
                return Make(target, "ACL1002", key.KeySpan, key.Pointer, $"Unknown member '{key.Name}' in {owner}; {hint}");
            }

            case ValidationErrorKind.StringExpected:
            case ValidationErrorKind.NumberExpected:
            case ValidationErrorKind.IntegerExpected:
            case ValidationErrorKind.BooleanExpected:
            case ValidationErrorKind.ObjectExpected:
            case ValidationErrorKind.ArrayExpected:
            case ValidationErrorKind.NullExpected:
            case ValidationErrorKind.NoTypeValidates:
                return Make(target, "ACL1003", Where(at), at.Node.Pointer,
                    $"{name} must be {Expected(error.Kind, schema)}, not {at.Node.KindDescription}{Echo(at, prefix: " ")}.");

            case ValidationErrorKind.NotInEnumeration:
            {
                var allowed = schema?.Enumeration.Select(v => v?.ToString() ?? "null").ToList() ?? new List<string>();
                return Make(target, "ACL1004", at.Node.Span, at.Node.Pointer,
                    $"{name} has value{Echo(at, prefix: " ")} which is not allowed; use one of: {string.Join(", ", allowed)} (case-sensitive).");
            }

            case ValidationErrorKind.PatternMismatch:
            {
                var pattern = schema?.ExtensionData is { } ext && ext.TryGetValue("x-pattern", out var p) && p is string s ? s : schema?.Pattern ?? "";
                return Make(target, "ACL1005", at.Node.Span, at.Node.Pointer,
                    $"{name}{Echo(at, prefix: " ")} is not {PatternDescriptions.Describe(pattern)}; the whole value must match the model pattern `{pattern}`.");
            }

            case ValidationErrorKind.StringTooShort:
            case ValidationErrorKind.StringTooLong:
            {
                var length = (at.Node as ScalarNode)?.Text is { } text ? CountScalars(text) : 0;
                return Make(target, "ACL1006", Where(at), at.Node.Pointer,
                    $"{name} is {Plural(length, "character")} long; {Range(schema?.MinLength, schema?.MaxLength, "character")}.");
            }

            case ValidationErrorKind.TooFewItems:
            case ValidationErrorKind.TooManyItems:
            {
                var count = (at.Node as ArrayNode)?.Items.Count ?? 0;
                return Make(target, "ACL1006", Where(at), at.Node.Pointer,
                    $"{name} has {Plural(count, "item")}; {Range(schema?.MinItems, NullIfZero(schema?.MaxItems), "item")}.");
            }

            case ValidationErrorKind.TooFewProperties:
            case ValidationErrorKind.TooManyProperties:
            {
                if (at.Shape is { IsUnion: true } || IsExtensionTrue(schema, "x-union"))
                {
                    return null; // ACL1008 belongs to the union rule.
                }

                var count = (at.Node as ObjectNode)?.Properties.Count ?? 0;
                return Make(target, "ACL1006", Where(at), at.Node.Pointer,
                    $"{name} has {Plural(count, "entry", "entries")}; {Range(schema?.MinProperties, NullIfZero(schema?.MaxProperties), "entry", "entries")}.");
            }

            case ValidationErrorKind.NumberTooSmall:
            case ValidationErrorKind.NumberTooBig:
            case ValidationErrorKind.IntegerTooBig:
            {
                var min = schema?.Minimum;
                var max = schema?.Maximum;
                var bound = error.Kind == ValidationErrorKind.NumberTooSmall ? $"below the minimum {Format(min)}" : $"above the maximum {Format(max)}";
                var range = min is not null && max is not null ? $" (allowed: {Format(min)} to {Format(max)})" : "";
                return Make(target, "ACL1007", at.Node.Span, at.Node.Pointer,
                    $"{name}{Echo(at, prefix: " ")} is {bound}{range}.");
            }

            default:
                return Make(target, "ACL1003", Where(at), at.Node.Pointer, $"{name} is not valid for {target.Operation}: {error.Kind}.");
        }
    }

    private static Finding Make(LintTarget target, string ruleId, SourceSpan span, string pointer, string message) =>
        new()
        {
            RuleId = ruleId,
            Level = Rules.Catalog.RuleCatalog.Get(ruleId).DefaultLevel,
            Message = message,
            Span = span,
            Pointer = pointer,
            LogicalLocation = target.LogicalLocation,
        };

    private static string Expected(ValidationErrorKind kind, JsonSchema? schema) => kind switch
    {
        ValidationErrorKind.StringExpected => "a string",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.IntegerExpected => "an integer",
        ValidationErrorKind.BooleanExpected => "a boolean (true or false)",
        ValidationErrorKind.ObjectExpected => "an object",
        ValidationErrorKind.ArrayExpected => "a list",
        ValidationErrorKind.NullExpected => "null",
        _ => schema?.Type switch
        {
            JsonObjectType.String | JsonObjectType.Number => "a string or a number",
            _ => "of another type",
        },
    };

    private static string Echo(IndexedNode at, string prefix) => MessageText.Quote(at.Node, at.IsSensitive, prefix);

    private static bool IsExtensionTrue(JsonSchema? schema, string key) =>
        schema?.ExtensionData is { } ext && ext.TryGetValue(key, out var v) && v is true;

    private static string Range(int? min, int? max, string unit, string? plural = null) => "allowed: " + Bounds(min, max, unit, plural);

    private static string Range(decimal? min, decimal? max, string unit, string? plural = null) =>
        Range(min is null ? null : (int)min, max is null ? null : (int)max, unit, plural);
}
