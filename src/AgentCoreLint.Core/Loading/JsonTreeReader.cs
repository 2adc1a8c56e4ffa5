using System.Text;
using System.Text.Json;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Loading;

/// <summary>
/// Builds a document tree from UTF-8 JSON with <see cref="Utf8JsonReader"/>, in one pass and without recursion.
/// RFC 8259 is enforced by findings rather than by failing: comments, trailing commas and duplicate keys are reported
/// at their position and the tree is still built, so the other rules can run. Any other syntax error is one finding
/// and no tree.
/// </summary>
internal static class JsonTreeReader
{
    /// <summary>Parses <paramref name="utf8"/> (valid UTF-8, no BOM).</summary>
    /// <returns>The root node, or null when the text is not JSON (the reason is in <paramref name="sink"/>).</returns>
    /// <exception cref="LoadLimitException">A safety limit of <paramref name="options"/> was exceeded.</exception>
    public static DocNode? Read(ReadOnlySpan<byte> utf8, LoadOptions options, FindingSink sink)
    {
        var map = new Utf8PositionMap(utf8);
        var budget = new NodeBudget(options.MaxNodes);
        var frames = new List<Frame>();
        var depth = 0;
        DocNode? root = null;

        // Comments and trailing commas are accepted by the reader and reported here, so one pass both checks and builds.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Allow,
            AllowTrailingCommas = true,
            MaxDepth = Math.Min(options.MaxDepth, int.MaxValue - 1) + 1,
        });

        var previousEnd = 0;
        var pendingComma = -1;
        try
        {
            while (reader.Read())
            {
                var start = (int)reader.TokenStartIndex;
                var top = depth > 0 ? frames[depth - 1] : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Comment:
                    {
                        pendingComma = FindComma(utf8, previousEnd, start, pendingComma);
                        var end = start + reader.ValueSpan.Length + (utf8[start + 1] == (byte)'*' ? 4 : 2);
                        sink.Add(
                            "JSON does not allow comments; the AWS CLI and SDKs reject this file. Remove the comment.",
                            map.Span(start, end),
                            NearestPointer(top));
                        previousEnd = end;
                        break;
                    }

                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                    {
                        if (depth >= options.MaxDepth)
                        {
                            throw new LoadLimitException(Texts.DepthExceeded(options.MaxDepth), map.Point(start), NearestPointer(top));
                        }

                        var pointer = ChildPointer(top);
                        if (frames.Count == depth)
                        {
                            frames.Add(new Frame());
                        }

                        frames[depth].Open(reader.TokenType == JsonTokenType.StartObject, pointer, map.At(start));
                        depth++;
                        pendingComma = -1;
                        previousEnd = start + 1;
                        break;
                    }

                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                    {
                        pendingComma = FindComma(utf8, previousEnd, start, pendingComma);
                        if (pendingComma >= 0)
                        {
                            sink.Add(
                                $"JSON does not allow a trailing comma before '{(char)utf8[start]}'; the AWS CLI rejects this file. Remove the comma.",
                                map.Point(pendingComma),
                                NearestPointer(top));
                            pendingComma = -1;
                        }

                        var frame = top!;
                        // The start position was taken at the opening bracket: asking for it now would walk a long
                        // line again from its start, quadratic on minified documents.
                        var span = new SourceSpan(frame.Start, map.At(start + 1));
                        DocNode node = frame.IsObject
                            ? new ObjectNode(span, frame.Pointer, frame.Members.Items)
                            : new ArrayNode(span, frame.Pointer, frame.Items);
                        budget.Add(span, frame.Pointer);
                        frame.Close();
                        depth--;
                        Attach(depth > 0 ? frames[depth - 1] : null, node, ref root);
                        previousEnd = start + 1;
                        break;
                    }

                    case JsonTokenType.PropertyName:
                    {
                        var frame = top!;
                        var name = ReadString(ref reader, ref map, start, NearestPointer(frame));
                        var end = start + reader.ValueSpan.Length + 2;
                        var keySpan = map.Span(start, end);
                        var pointer = JsonPointer.Append(frame.Pointer, name);
                        if (frame.Members.Contains(name))
                        {
                            sink.Add(
                                $"Duplicate key {Texts.Name(name)}: JSON parsers keep only the last occurrence, which hides the earlier value. Write each key once.",
                                keySpan,
                                pointer);
                        }

                        frame.SetKey(name, keySpan, pointer);
                        pendingComma = -1;
                        previousEnd = end;
                        break;
                    }

                    default:
                    {
                        var end = reader.TokenType == JsonTokenType.String
                            ? start + reader.ValueSpan.Length + 2
                            : start + reader.ValueSpan.Length;
                        var span = map.Span(start, end);
                        var pointer = ChildPointer(top);
                        var node = reader.TokenType switch
                        {
                            JsonTokenType.String => new ScalarNode(span, pointer, NodeKind.String, ReadString(ref reader, ref map, start, pointer)),
                            JsonTokenType.Number => new ScalarNode(
                                span,
                                pointer,
                                Scan.HasFractionOrExponent(reader.ValueSpan) ? NodeKind.Float : NodeKind.Integer,
                                Encoding.UTF8.GetString(reader.ValueSpan)),
                            JsonTokenType.True => new ScalarNode(span, pointer, NodeKind.Boolean, "true"),
                            JsonTokenType.False => new ScalarNode(span, pointer, NodeKind.Boolean, "false"),
                            _ => new ScalarNode(span, pointer, NodeKind.Null, "null"),
                        };
                        budget.Add(span, pointer);
                        Attach(top, node, ref root);
                        pendingComma = -1;
                        previousEnd = end;
                        break;
                    }
                }
            }
        }
        catch (JsonException ex)
        {
            var offset = ErrorOffset(utf8, ex, reader.BytesConsumed);
            sink.Add(
                "JSON syntax error: " + JsonErrorText.Describe(ex.Message),
                map.Point(offset),
                NearestPointer(depth > 0 ? frames[depth - 1] : null));
            return null;
        }
        catch (StringDecodeException ex)
        {
            sink.Add(ex.Message, ex.Span, ex.Pointer);
            return null;
        }

        return root;
    }

    private static string ReadString(ref Utf8JsonReader reader, ref Utf8PositionMap map, int start, string pointer)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The only way a syntactically valid string fails to decode: a \u escape of an unpaired surrogate.
            var end = start + reader.ValueSpan.Length + 2;
            throw new StringDecodeException(
                "JSON string contains a \\u escape of an unpaired UTF-16 surrogate (\\uD800-\\uDFFF), which is not text. Fix the escape.",
                map.Span(start, end),
                pointer);
        }
    }

    /// <summary>The first ',' in the bytes between two tokens (only whitespace, ',' and ':' can be there).</summary>
    private static int FindComma(ReadOnlySpan<byte> utf8, int from, int to, int pending)
    {
        if (pending >= 0 || to <= from)
        {
            return pending;
        }

        var found = utf8[from..to].IndexOf((byte)',');
        return found < 0 ? -1 : from + found;
    }

    /// <summary>The absolute byte offset of a reader error. The reader counts lines at LF only.</summary>
    private static int ErrorOffset(ReadOnlySpan<byte> utf8, JsonException ex, long consumed)
    {
        if (ex.LineNumber is not { } line || ex.BytePositionInLine is not { } column)
        {
            return (int)Math.Min(consumed, utf8.Length);
        }

        var lineStart = 0;
        for (long i = 0; i < line; i++)
        {
            var next = utf8[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return (int)Math.Min(lineStart + column, utf8.Length);
    }

    private static string ChildPointer(Frame? parent)
    {
        if (parent is null)
        {
            return JsonPointer.Root;
        }

        return parent.IsObject ? parent.KeyPointer! : JsonPointer.Append(parent.Pointer, parent.Items.Count);
    }

    private static string NearestPointer(Frame? frame)
    {
        if (frame is null)
        {
            return JsonPointer.Root;
        }

        return frame.IsObject && frame.KeyPointer is not null ? frame.KeyPointer : frame.Pointer;
    }

    private static void Attach(Frame? parent, DocNode node, ref DocNode? root)
    {
        if (parent is null)
        {
            root = node;
        }
        else if (parent.IsObject)
        {
            parent.Members.Add(new PropertyNode(parent.KeyName!, parent.KeySpan, node));
            parent.KeyName = null;
            parent.KeyPointer = null;
        }
        else
        {
            parent.Items.Add(node);
        }
    }

    /// <summary>An open object or array. Frames are reused by depth, so their lists are allocated once per file.</summary>
    private sealed class Frame
    {
        public bool IsObject { get; private set; }

        public string Pointer { get; private set; } = JsonPointer.Root;

        public SourcePosition Start { get; private set; }

        public MemberList Members { get; } = new();

        public List<DocNode> Items { get; } = new();

        public string? KeyName { get; set; }

        public string? KeyPointer { get; set; }

        public SourceSpan KeySpan { get; private set; }

        public void Open(bool isObject, string pointer, SourcePosition start)
        {
            IsObject = isObject;
            Pointer = pointer;
            Start = start;
        }

        public void SetKey(string name, SourceSpan span, string pointer)
        {
            KeyName = name;
            KeySpan = span;
            KeyPointer = pointer;
        }

        public void Close()
        {
            Members.Clear();
            Items.Clear();
            KeyName = null;
            KeyPointer = null;
        }
    }

    private sealed class StringDecodeException : Exception
    {
        public StringDecodeException(string message, SourceSpan span, string pointer)
            : base(message)
        {
            Span = span;
            Pointer = pointer;
        }

        public SourceSpan Span { get; }

        public string Pointer { get; }
    }
}

/// <summary>Makes <see cref="Utf8JsonReader"/> messages readable and safe to print.</summary>
internal static class JsonErrorText
{
    /// <summary>
    /// Drops the reader's "LineNumber: … | BytePositionInLine: …" suffix (the finding carries the position) and replaces
    /// any quoted fragment longer than one character with "this text": the reader quotes partial literals such as
    /// <c>'tru}'</c>, and a fragment of a value must never be printed. Single characters, byte codes (<c>'0x0A'</c>)
    /// and the literal names are kept because they are what makes the message useful.
    /// </summary>
    public static string Describe(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut >= 0 ? message[..cut] : message;
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != '\'')
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            // A quoted single character, which may itself be a quote: '''.
            if (i + 2 < text.Length && text[i + 2] == '\'')
            {
                result.Append(text, i, 3);
                i += 3;
                continue;
            }

            var close = text.IndexOf('\'', i + 1);
            if (close < 0)
            {
                result.Append(text, i, text.Length - i);
                break;
            }

            var fragment = text.AsSpan(i + 1, close - i - 1);
            if (IsSafe(fragment))
            {
                result.Append(text, i, close - i + 1);
            }
            else
            {
                result.Append("this text");
            }

            i = close + 1;
        }

        if (result.Length > 0 && char.IsLower(result[0]))
        {
            result[0] = char.ToUpperInvariant(result[0]);
        }

        return result.ToString().TrimEnd();
    }

    private static bool IsSafe(ReadOnlySpan<char> fragment) =>
        fragment.Length <= 1 ||
        fragment is "true" or "false" or "null" ||
        (fragment.Length <= 6 && fragment.StartsWith("0x", StringComparison.Ordinal));
}
