using System.Globalization;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Core.Iac;

/// <summary>What the mapper does with a source member that has no counterpart in the API shape.</summary>
internal enum UnmatchedMembers
{
    /// <summary>Leave it out (Terraform: provider-only attributes such as <c>region</c>, <c>timeouts</c>, computed ids).</summary>
    Drop,

    /// <summary>Keep it, under its source name, as an <see cref="UnknownNode"/> (CloudFormation: the resource provider
    /// schema is newer than the service model we ship). Unions then still count it, value checks skip it, and the
    /// object's absent required API members are not reported: the newer member may be the newer way to supply them.</summary>
    KeepAsUnknown,
}

/// <summary>How one source member maps, keyed by its normalised path (see <see cref="ApiTreeMapper.Normalize"/>).</summary>
internal sealed record MemberRule
{
    /// <summary>Leave the member out of the request.</summary>
    public bool Drop { get; init; }

    /// <summary>The API member it becomes, when the names differ beyond case and underscores
    /// (CloudFormation <c>RecordingConfig</c> → <c>recording</c>).</summary>
    public string? ApiName { get; init; }

    /// <summary>Wrap the value in an object with this one member: CloudFormation flattens some API unions and
    /// structures (<c>ProtocolConfiguration: HTTP</c> → <c>protocolConfiguration.serverProtocol</c>,
    /// <c>CertificateLocation</c> → <c>location.secretsManager</c>).</summary>
    public string? WrapIn { get; init; }

    /// <summary>Wrap only values that are not objects (so a template that already wrote the API's object shape is
    /// mapped as written, and the CloudFormation schema reports the type).</summary>
    public bool WrapOnlyNonObjects { get; init; }

    /// <summary>Rewrites the source value before it is mapped (Terraform blocks the provider reshapes by hand).
    /// Returns null to leave the member out.</summary>
    public Func<DocNode, DocNode?>? Transform { get; init; }
}

/// <summary>Settings of one mapping (one input kind and resource type).</summary>
internal sealed record MapperOptions
{
    /// <summary>Per-member rules by normalised path (<c>certificates/*/certificatelocation</c>).</summary>
    public IReadOnlyDictionary<string, MemberRule> Rules { get; init; } = new Dictionary<string, MemberRule>();

    /// <summary>What to do with members the API shape does not have.</summary>
    public UnmatchedMembers Unmatched { get; init; } = UnmatchedMembers.Drop;

    /// <summary>Terraform nested blocks are lists of at most one object: a one-item list where the API has a structure
    /// is that structure, an empty list is an absent block.</summary>
    public bool UnwrapBlockLists { get; init; }

    /// <summary>Leave out members whose value is <c>null</c> or an empty list (Terraform's unset attributes and blocks).</summary>
    public bool DropNullsAndEmptyLists { get; init; }

    /// <summary>Convert scalars to the API's scalar type where the text allows (CloudFormation converts template
    /// values to the declared type: <c>FLAG: 0</c> is the string "0", <c>MaxLifetime: "3600"</c> the integer 3600).</summary>
    public bool CoerceScalars { get; init; }

    /// <summary>Normalised paths of read-only members: reported by the caller, left out of the request.</summary>
    public Func<string, bool>? IsReadOnly { get; init; }

    /// <summary>Normalised paths of API-required members that the input kind supplies itself (CloudFormation generates a
    /// <c>GatewayTarget</c> name when none is given): absent, they become unknown rather than missing.</summary>
    public IReadOnlySet<string> SuppliedMembers { get; init; } = new HashSet<string>();
}

/// <summary>
/// Maps a source tree (a CloudFormation resource's resolved <c>Properties</c>, a Terraform resource's planned values,
/// a saved Get response) onto the request shape of an AgentCore Control operation, walking the service model
/// (<see cref="ApiModel"/>) beside it. Member names match after lower-casing and removing underscores
/// (<c>AgentRuntimeName</c>, <c>agent_runtime_name</c> → <c>agentRuntimeName</c>; <c>CustomJWTAuthorizer</c>,
/// <c>custom_jwt_authorizer</c> → <c>customJWTAuthorizer</c>), then as the plural (<c>certificate</c> →
/// <c>certificates</c>); keys of API maps are data and kept verbatim; differences beyond that are
/// <see cref="MemberRule"/>s. Every mapped node keeps the span and JSON Pointer of the source node it came from,
/// so findings land on the line the user wrote; synthetic wrappers take the span of the value they wrap.
/// Never throws on any tree shape: values of an unexpected kind are passed through for the schema to report.
/// </summary>
internal sealed class ApiTreeMapper
{
    private const int MaxDepth = 128;

    private readonly MapperOptions _options;

    public ApiTreeMapper(MapperOptions options)
    {
        _options = options;
    }

    /// <summary>Source pointers of values under a <c>sensitive</c> API shape: their text is never echoed.</summary>
    public HashSet<string> SensitivePointers { get; } = new(StringComparer.Ordinal);

    /// <summary>Read-only members met (see <see cref="MapperOptions.IsReadOnly"/>), with their normalised paths.</summary>
    public List<(PropertyNode Member, string Path)> ReadOnlyMembers { get; } = new();

    /// <summary>The normalised form of a member name: lower case, without <c>_</c> and <c>-</c>.</summary>
    public static string Normalize(string name)
    {
        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        var length = 0;
        foreach (var c in name)
        {
            if (c is not '_' and not '-')
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..length]);
    }

    /// <summary>Maps a request.</summary>
    /// <param name="source">The source object (e.g. <c>Properties</c>).</param>
    /// <param name="requestShape">The operation's input shape.</param>
    /// <returns>The API-shaped request (the source object's span and pointer).</returns>
    public ObjectNode Map(ObjectNode source, Shape requestShape)
    {
        if (requestShape.IsSensitive)
        {
            MarkSensitive(source, 0);
        }

        return MapStructure(source, requestShape, "", requestShape.IsSensitive, 0);
    }

    private DocNode? MapValue(DocNode source, Shape? shape, string path, bool sensitive, int depth)
    {
        if (!sensitive && shape?.IsSensitive == true)
        {
            // The boundary of a sensitive subtree: everything below it is sensitive, marked once here.
            sensitive = true;
            MarkSensitive(source, depth);
        }

        if (source is UnknownNode || shape is null || depth > MaxDepth)
        {
            return source;
        }

        switch (shape.Type)
        {
            case ShapeType.Structure:
                if (source is ArrayNode block && _options.UnwrapBlockLists)
                {
                    return block.Items.Count switch
                    {
                        0 => null,
                        1 => MapValue(block.Items[0], shape, path, sensitive, depth + 1),
                        _ => source,
                    };
                }

                return source is ObjectNode obj ? MapStructure(obj, shape, path, sensitive, depth + 1) : source;

            case ShapeType.List:
            {
                if (source is not ArrayNode list)
                {
                    return source;
                }

                var itemShape = Find(shape.ListMember);
                var items = new List<DocNode>(list.Items.Count);
                foreach (var item in list.Items)
                {
                    if (MapValue(item, itemShape, path + "/*", sensitive, depth + 1) is { } mapped)
                    {
                        items.Add(mapped);
                    }
                }

                return new ArrayNode(list.Span, list.Pointer, items) { IsSensitive = list.IsSensitive };
            }

            case ShapeType.Map:
                return MapMap(source, shape, path, sensitive, depth);

            case ShapeType.Document:
                return source;

            default:
                return _options.CoerceScalars && source is ScalarNode scalar ? Coerce(scalar, shape.Type) : source;
        }
    }

    private DocNode MapMap(DocNode source, Shape shape, string path, bool sensitive, int depth)
    {
        var valueShape = Find(shape.MapValue);
        switch (source)
        {
            case ObjectNode obj:
            {
                var entries = new List<PropertyNode>(obj.Properties.Count);
                foreach (var entry in obj.Properties)
                {
                    if (MapValue(entry.Value, valueShape, path + "/{}", sensitive, depth + 1) is { } mapped)
                    {
                        entries.Add(new PropertyNode(entry.Name, entry.KeySpan, mapped));
                    }
                }

                return new ObjectNode(obj.Span, obj.Pointer, entries) { IsSensitive = obj.IsSensitive };
            }

            // CloudFormation writes tags of newer types as a list of {Key, Value}; the API takes a map.
            case ArrayNode list when list.Items.Count > 0 && list.Items.All(i => i is ObjectNode o && o.Find("Key") is not null):
            {
                var entries = new List<PropertyNode>(list.Items.Count);
                foreach (var item in list.Items.Cast<ObjectNode>())
                {
                    var key = item.Find("Key")!;
                    if (key.Value is not ScalarNode { Kind: not NodeKind.Null } name)
                    {
                        continue; // A key known only at deployment: the entry cannot be judged.
                    }

                    var value = item["Value"] ?? new ScalarNode(item.Span.Head, JsonPointer.Append(item.Pointer, "Value"), NodeKind.Null, "null");
                    if (MapValue(value, valueShape, path + "/{}", sensitive, depth + 1) is { } mapped)
                    {
                        entries.Add(new PropertyNode(name.Text, key.Value.Span, mapped));
                    }
                }

                return new ObjectNode(list.Span, list.Pointer, entries) { IsSensitive = list.IsSensitive };
            }

            default:
                return source;
        }
    }

    private ObjectNode MapStructure(ObjectNode source, Shape shape, string path, bool sensitive, int depth)
    {
        var properties = new List<PropertyNode>(source.Properties.Count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hasForeignMembers = false;
        foreach (var member in source.Properties)
        {
            var normalized = Normalize(member.Name);
            var memberPath = path.Length == 0 ? normalized : path + "/" + normalized;
            if (_options.IsReadOnly?.Invoke(memberPath) == true)
            {
                ReadOnlyMembers.Add((member, memberPath));
                continue;
            }

            _options.Rules.TryGetValue(memberPath, out var rule);
            var value = member.Value;
            if (rule is { Drop: true } || (_options.DropNullsAndEmptyLists && IsEmpty(value)))
            {
                continue;
            }

            if (rule?.Transform is { } transform)
            {
                if (transform(value) is not { } transformed)
                {
                    continue;
                }

                value = transformed;
            }

            var apiMember = rule?.ApiName is { } apiName ? shape.FindMember(apiName) : FindMember(shape, normalized);
            if (apiMember is null)
            {
                if (_options.Unmatched == UnmatchedMembers.KeepAsUnknown)
                {
                    hasForeignMembers = true;
                    properties.Add(new PropertyNode(member.Name, member.KeySpan,
                        new UnknownNode(value.Span, value.Pointer, "a member newer than the AgentCore Control service model", value)));
                }

                continue;
            }

            if (!names.Add(apiMember.Name))
            {
                continue; // Two source members for one API member (e.g. DiscoveryUrl and DiscoveryURL): the first wins.
            }

            var memberShape = Find(apiMember.Shape);
            DocNode? mapped;
            if (rule?.WrapIn is { } inner && !(rule.WrapOnlyNonObjects && value is ObjectNode))
            {
                var innerShape = Find(memberShape?.FindMember(inner)?.Shape);
                if (!sensitive && memberShape?.IsSensitive == true)
                {
                    MarkSensitive(value, depth);
                }

                var innerSensitive = sensitive || (memberShape?.IsSensitive ?? false);
                mapped = MapValue(value, innerShape, memberPath + "/" + Normalize(inner), innerSensitive, depth + 1) is { } innerValue
                    ? new ObjectNode(value.Span, value.Pointer, new[] { new PropertyNode(inner, member.KeySpan, innerValue) })
                    : null;
            }
            else
            {
                mapped = MapValue(value, memberShape, memberPath, sensitive, depth + 1);
            }

            if (mapped is not null)
            {
                properties.Add(new PropertyNode(apiMember.Name, member.KeySpan, mapped));
            }
        }

        foreach (var required in shape.Required)
        {
            if (names.Contains(required))
            {
                continue;
            }

            var requiredPath = path.Length == 0 ? Normalize(required) : path + "/" + Normalize(required);
            var reason = hasForeignMembers ? "possibly supplied by a member newer than the service model"
                : _options.SuppliedMembers.Contains(requiredPath) ? "supplied by the deployment tool"
                : null;
            if (reason is not null)
            {
                var at = source.Span.Head;
                properties.Add(new PropertyNode(required, at, new UnknownNode(at, JsonPointer.Append(source.Pointer, required), reason)));
            }
        }

        return new ObjectNode(source.Span, source.Pointer, properties) { IsSensitive = source.IsSensitive };
    }

    /// <summary>The API member a normalised source name denotes: same letters, or the plural (Terraform names repeated
    /// blocks in the singular: <c>certificate</c>, <c>custom_claim</c>, <c>filesystem_configuration</c>).</summary>
    private static Member? FindMember(Shape shape, string normalized)
    {
        foreach (var candidate in new[] { normalized, normalized + "s", normalized.EndsWith('y') ? normalized[..^1] + "ies" : null })
        {
            if (candidate is null)
            {
                continue;
            }

            foreach (var member in shape.Members)
            {
                if (Normalize(member.Name) == candidate)
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static Shape? Find(string? name) => name is not null && ApiModel.Shapes.TryGetValue(name, out var shape) ? shape : null;

    private static bool IsEmpty(DocNode value) => value is ScalarNode { Kind: NodeKind.Null } or ArrayNode { Items.Count: 0 };

    private static DocNode Coerce(ScalarNode scalar, ShapeType type)
    {
        var kind = type switch
        {
            ShapeType.String when scalar.Kind is NodeKind.Integer or NodeKind.Float or NodeKind.Boolean => NodeKind.String,
            ShapeType.Integer or ShapeType.Long when scalar.Kind == NodeKind.String &&
                long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) => NodeKind.Integer,
            ShapeType.Float or ShapeType.Double when scalar.Kind == NodeKind.String &&
                double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) => NodeKind.Float,
            ShapeType.Boolean when scalar.Kind == NodeKind.String && scalar.Text.ToLowerInvariant() is "true" or "false" => NodeKind.Boolean,
            _ => scalar.Kind,
        };

        if (kind == scalar.Kind)
        {
            return scalar;
        }

        var text = kind == NodeKind.Boolean ? scalar.Text.ToLowerInvariant() : scalar.Text;
        return new ScalarNode(scalar.Span, scalar.Pointer, kind, text) { Tag = scalar.Tag, IsSensitive = scalar.IsSensitive };
    }

    private void MarkSensitive(DocNode node, int depth)
    {
        SensitivePointers.Add(node.Pointer);
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case ObjectNode obj:
                foreach (var p in obj.Properties)
                {
                    MarkSensitive(p.Value, depth + 1);
                }

                break;
            case ArrayNode array:
                foreach (var item in array.Items)
                {
                    MarkSensitive(item, depth + 1);
                }

                break;
        }
    }

}
