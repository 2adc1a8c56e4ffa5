using System.Globalization;
using System.Text;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Rules.Tests.Support;

/// <summary>
/// A minimal, dependency-free JSON parser for tests: builds <see cref="DocNode"/> trees with 1-based line/column
/// spans (UTF-16 columns, end exclusive) and JSON Pointers, as the real loaders do.
/// <para>Markers: a <c>⟦</c> anywhere in the text is removed before parsing and its position (the position of the
/// character that followed it) is recorded in <see cref="Parsed.Marks"/>, so tests mark the expected finding
/// location in the input instead of writing numbers.</para>
/// <para>Unknowns: an object with exactly one member named <c>Ref</c> or <c>Fn::…</c> becomes an
/// <see cref="UnknownNode"/> (reason = the function name, source = the object), as CloudFormation intrinsics do.</para>
/// </summary>
internal static class TestJson
{
    public const char Mark = '⟦';

    public sealed record Parsed(DocNode Root, IReadOnlyList<SourcePosition> Marks, string Text);

    public static Parsed Parse(string textWithMarks)
    {
        var marks = new List<SourcePosition>();
        var text = new StringBuilder(textWithMarks.Length);
        int line = 1, column = 1;
        foreach (var c in textWithMarks)
        {
            if (c == Mark)
            {
                marks.Add(new SourcePosition(line, column));
                continue;
            }

            text.Append(c);
            if (c == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        var parser = new Parser(text.ToString());
        var root = parser.ParseDocument();
        return new Parsed(root, marks, text.ToString());
    }

    private sealed class Parser
    {
        private readonly string _text;
        private int _pos;
        private int _line = 1;
        private int _column = 1;

        public Parser(string text) => _text = text;

        public DocNode ParseDocument()
        {
            SkipWhitespace();
            var node = ParseValue(JsonPointer.Root);
            SkipWhitespace();
            if (_pos != _text.Length)
            {
                throw Error("trailing characters");
            }

            return node;
        }

        private DocNode ParseValue(string pointer)
        {
            if (_pos >= _text.Length)
            {
                throw Error("unexpected end");
            }

            var start = Position;
            switch (_text[_pos])
            {
                case '{':
                    return ParseObject(pointer);
                case '[':
                    return ParseArray(pointer);
                case '"':
                    var s = ParseString();
                    return new ScalarNode(new SourceSpan(start, Position), pointer, NodeKind.String, s);
                case 't':
                    Expect("true");
                    return new ScalarNode(new SourceSpan(start, Position), pointer, NodeKind.Boolean, "true");
                case 'f':
                    Expect("false");
                    return new ScalarNode(new SourceSpan(start, Position), pointer, NodeKind.Boolean, "false");
                case 'n':
                    Expect("null");
                    return new ScalarNode(new SourceSpan(start, Position), pointer, NodeKind.Null, "null");
                default:
                    return ParseNumber(pointer);
            }
        }

        private DocNode ParseObject(string pointer)
        {
            var start = Position;
            Advance(); // {
            var properties = new List<PropertyNode>();
            SkipWhitespace();
            if (Peek() == '}')
            {
                Advance();
                return new ObjectNode(new SourceSpan(start, Position), pointer, properties);
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw Error("expected a member name");
                }

                var keyStart = Position;
                var name = ParseString();
                var keySpan = new SourceSpan(keyStart, Position);
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw Error("expected ':'");
                }

                Advance();
                SkipWhitespace();
                var value = ParseValue(JsonPointer.Append(pointer, name));
                properties.RemoveAll(p => p.Name == name);
                properties.Add(new PropertyNode(name, keySpan, value));
                SkipWhitespace();
                var c = Peek();
                Advance();
                if (c == '}')
                {
                    break;
                }

                if (c != ',')
                {
                    throw Error("expected ',' or '}'");
                }
            }

            var span = new SourceSpan(start, Position);
            var obj = new ObjectNode(span, pointer, properties);
            if (properties.Count == 1 && (properties[0].Name == "Ref" || properties[0].Name.StartsWith("Fn::", StringComparison.Ordinal)))
            {
                return new UnknownNode(span, pointer, properties[0].Name, obj);
            }

            return obj;
        }

        private DocNode ParseArray(string pointer)
        {
            var start = Position;
            Advance(); // [
            var items = new List<DocNode>();
            SkipWhitespace();
            if (Peek() == ']')
            {
                Advance();
                return new ArrayNode(new SourceSpan(start, Position), pointer, items);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ParseValue(JsonPointer.Append(pointer, items.Count)));
                SkipWhitespace();
                var c = Peek();
                Advance();
                if (c == ']')
                {
                    break;
                }

                if (c != ',')
                {
                    throw Error("expected ',' or ']'");
                }
            }

            return new ArrayNode(new SourceSpan(start, Position), pointer, items);
        }

        private string ParseString()
        {
            Advance(); // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw Error("unterminated string");
                }

                var c = _text[_pos];
                Advance();
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                var e = _text[_pos];
                Advance();
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        var hex = _text.Substring(_pos, 4);
                        for (var i = 0; i < 4; i++)
                        {
                            Advance();
                        }

                        sb.Append((char)int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        break;
                    default: throw Error($"bad escape \\{e}");
                }
            }
        }

        private DocNode ParseNumber(string pointer)
        {
            var start = Position;
            var begin = _pos;
            var isFloat = false;
            while (_pos < _text.Length && "+-0123456789.eE".IndexOf(_text[_pos]) >= 0)
            {
                isFloat |= _text[_pos] is '.' or 'e' or 'E';
                Advance();
            }

            if (_pos == begin)
            {
                throw Error($"unexpected '{_text[_pos]}'");
            }

            return new ScalarNode(new SourceSpan(start, Position), pointer, isFloat ? NodeKind.Float : NodeKind.Integer, _text.Substring(begin, _pos - begin));
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            {
                throw Error($"expected '{word}'");
            }

            foreach (var _ in word)
            {
                Advance();
            }
        }

        private SourcePosition Position => new(_line, _column);

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void Advance()
        {
            if (_text[_pos] == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }

            _pos++;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n')
            {
                Advance();
            }
        }

        private FormatException Error(string what) => new($"JSON syntax error at {_line},{_column}: {what}");
    }
}
