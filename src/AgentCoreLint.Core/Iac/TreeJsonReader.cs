using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Model;
using Newtonsoft.Json;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// Presents a request tree to Newtonsoft.Json as a token stream, so that <c>JToken.ReadFrom</c> builds the
/// token tree NJsonSchema validates. Its "line number" is not a line: it is the id of the current node in a
/// <see cref="NodeIndex"/>. NJsonSchema copies a token's line info into each <c>ValidationError</c>, which
/// lets the validator map every error back to the exact node, member key and service-model shape.
/// </summary>
internal sealed class TreeJsonReader : JsonReader, IJsonLineInfo
{
    private readonly Stack<Frame> _stack = new();
    private readonly NodeIndex _index;
    private int _currentId;

    public TreeJsonReader(ObjectNode root, Shape? rootShape, NodeIndex index)
    {
        _index = index;
        _stack.Push(new Frame(root, null, rootShape, rootShape?.IsSensitive ?? false, "", isRoot: true));
    }

    public int LineNumber => _currentId;

    public int LinePosition => 1;

    public bool HasLineInfo() => _currentId > 0;

    public override bool Read()
    {
        while (_stack.Count > 0)
        {
            var frame = _stack.Peek();
            if (!frame.Started)
            {
                frame.Started = true;
                if (!frame.IsRoot && frame.Node is not ObjectNode and not ArrayNode)
                {
                    _stack.Pop();
                    EmitScalar(frame);
                    return true;
                }

                _currentId = _index.AddValue(frame.Node, frame.Holder, frame.Shape, frame.Sensitive, frame.Path);
                frame.Id = _currentId;
                SetToken(frame.Node is ObjectNode ? JsonToken.StartObject : JsonToken.StartArray);
                return true;
            }

            switch (frame.Node)
            {
                case ObjectNode obj when frame.Position < obj.Properties.Count:
                {
                    var property = obj.Properties[frame.Position++];
                    var (shape, sensitive) = MemberShape(frame, property.Name);
                    var path = frame.Shape is { Type: ShapeType.Map } ? $"{frame.Path}[\"{property.Name}\"]" : frame.Path.Length == 0 ? property.Name : frame.Path + "." + property.Name;
                    _currentId = _index.AddKey(property, shape, sensitive, path, frame.Shape is { Type: ShapeType.Map } ? frame.Shape : null);
                    _stack.Push(new Frame(property.Value, property, shape, sensitive, path));
                    SetToken(JsonToken.PropertyName, property.Name);
                    return true;
                }

                case ArrayNode array when frame.Position < array.Items.Count:
                {
                    var item = array.Items[frame.Position++];
                    var shape = ShapeOf(frame.Shape?.ListMember);
                    var path = $"{frame.Path}[{frame.Position - 1}]";
                    _stack.Push(new Frame(item, null, shape, frame.Sensitive || (shape?.IsSensitive ?? false), path));
                    continue;
                }

                default:
                    _stack.Pop();
                    _currentId = frame.Id;
                    SetToken(frame.Node is ObjectNode ? JsonToken.EndObject : JsonToken.EndArray);
                    return true;
            }
        }

        return false;
    }

    private void EmitScalar(Frame frame)
    {
        _currentId = _index.AddValue(frame.Node, frame.Holder, frame.Shape, frame.Sensitive, frame.Path);
        switch (frame.Node)
        {
            case ScalarNode { Kind: NodeKind.String } s:
                SetToken(JsonToken.String, s.Text);
                break;
            case ScalarNode { Kind: NodeKind.Integer } s when s.TryGetInt64(out var l):
                SetToken(JsonToken.Integer, l);
                break;
            case ScalarNode { Kind: NodeKind.Integer or NodeKind.Float } s when s.TryGetDouble(out var d):
                SetToken(JsonToken.Float, d);
                break;
            case ScalarNode { Kind: NodeKind.Boolean } s:
                SetToken(JsonToken.Boolean, s.AsBoolean == true);
                break;
            default:
                // Null, Unknown, and numbers beyond double: errors at Unknown nodes are dropped by the validator;
                // null is what the service would see for a null.
                SetToken(JsonToken.Null);
                break;
        }
    }

    private static (Shape? Shape, bool Sensitive) MemberShape(Frame frame, string name)
    {
        var parent = frame.Shape;
        Shape? shape = null;
        if (parent is { Type: ShapeType.Structure })
        {
            shape = ShapeOf(parent.FindMember(name)?.Shape);
        }
        else if (parent is { Type: ShapeType.Map })
        {
            shape = ShapeOf(parent.MapValue);
        }

        return (shape, frame.Sensitive || (shape?.IsSensitive ?? false));
    }

    private static Shape? ShapeOf(string? name) =>
        name is not null && ApiModel.Shapes.TryGetValue(name, out var shape) ? shape : null;

    private sealed class Frame
    {
        public Frame(DocNode node, PropertyNode? holder, Shape? shape, bool sensitive, string path, bool isRoot = false)
        {
            Node = node;
            Holder = holder;
            Shape = shape;
            Sensitive = sensitive;
            Path = path;
            IsRoot = isRoot;
        }

        public string Path { get; }

        public DocNode Node { get; }

        public PropertyNode? Holder { get; }

        public Shape? Shape { get; }

        public bool Sensitive { get; }

        public bool IsRoot { get; }

        public int Id { get; set; }

        public bool Started { get; set; }

        public int Position { get; set; }
    }
}
