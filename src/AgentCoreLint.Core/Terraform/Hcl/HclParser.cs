using System.Globalization;
using System.Text;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Terraform.Hcl;

/// <summary>A syntax error in an HCL file, with where it is.</summary>
public sealed class HclSyntaxException : Exception
{
    /// <summary>Creates the error.</summary>
    public HclSyntaxException(string message, SourcePosition position)
        : base(message)
    {
        Position = position;
    }

    /// <summary>Where the error is (1-based line and UTF-16 column).</summary>
    public SourcePosition Position { get; }
}

/// <summary>
/// Parses HCL native syntax (HashiCorp's <c>hclsyntax</c> specification, as Terraform's <c>.tf</c> and <c>.tfvars</c>
/// files use it) into an <see cref="HclFile"/> with a 1-based line/column span (UTF-16 columns, end exclusive) for
/// every attribute name, block type, label and expression. Covers bodies, attributes, blocks with quoted or bare
/// labels, comments (<c>#</c>, <c>//</c>, <c>/* */</c>), numbers, booleans, null, quoted templates with escapes,
/// <c>${…}</c> interpolations and <c>%{if}</c>/<c>%{for}</c> directives with strip markers, heredocs (<c>&lt;&lt;EOT</c>,
/// <c>&lt;&lt;-EOT</c>), tuples, objects, <c>for</c> expressions, conditionals, unary and binary operators with the
/// specification's precedence, function calls (with <c>...</c> and <c>provider::</c> names), attribute access,
/// indexing (also the legacy <c>.0</c>), and attribute and full splats.
/// </summary>
/// <remarks>Deliberately lenient where that cannot change the meaning of a valid file: a newline is accepted after a
/// binary operator, <c>?</c> and <c>:</c>. Nesting deeper than the depth limit is a syntax error, so hostile input
/// never exhausts the stack; every loop consumes input, so none hangs.</remarks>
public static class HclParser
{
    /// <summary>Parses a whole file.</summary>
    /// <param name="text">The decoded file text.</param>
    /// <param name="maxDepth">The deepest nesting of blocks and expressions accepted.</param>
    /// <returns>The syntax tree.</returns>
    /// <exception cref="HclSyntaxException">The text is not valid HCL native syntax, or nests deeper than <paramref name="maxDepth"/>.</exception>
    public static HclFile Parse(string text, int maxDepth = 256)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Parser(text, maxDepth).ParseFile();
    }

    private sealed class Parser
    {
        private readonly string _s;
        private readonly int _maxDepth;
        private readonly List<int> _lineStarts = new() { 0 };
        private int _i;
        private int _depth;
        private bool _newlinesMatter = true;
        private int _limit;
        private int _quoteStart;

        public Parser(string text, int maxDepth)
        {
            _s = text;
            _maxDepth = maxDepth;
            _limit = text.Length;
            for (var k = 0; k < text.Length; k++)
            {
                if (text[k] == '\n')
                {
                    _lineStarts.Add(k + 1);
                }
            }

            if (_s.Length > 0 && _s[0] == '\uFEFF')
            {
                _i = 1;
            }
        }

        public HclFile ParseFile()
        {
            var start = _i;
            var items = ParseBodyItems(topLevel: true);
            return new HclFile(new HclBody(items, SpanOf(start, _i)));
        }

        // ---- positions -------------------------------------------------------------------------------------------

        private SourcePosition PositionOf(int offset)
        {
            var lo = 0;
            var hi = _lineStarts.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_lineStarts[mid] <= offset)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            // A BOM is not counted in columns.
            var column = offset - _lineStarts[lo] + 1 - (lo == 0 && _s.Length > 0 && _s[0] == '\uFEFF' && offset > 0 ? 1 : 0);
            return new SourcePosition(lo + 1, column);
        }

        private SourceSpan SpanOf(int start, int end) => new(PositionOf(start), PositionOf(end));

        private HclSyntaxException Error(string message, int? at = null) => new(message, PositionOf(Math.Min(at ?? _i, _s.Length)));

        private void Enter()
        {
            if (++_depth > _maxDepth)
            {
                throw Error($"The file nests blocks or expressions more than {_maxDepth} levels deep.");
            }
        }

        private void Leave() => _depth--;

        // ---- characters ------------------------------------------------------------------------------------------

        private bool AtEnd => _i >= _limit;

        private char Peek(int ahead = 0) => _i + ahead < _limit ? _s[_i + ahead] : '\0';

        private bool Next(string text)
        {
            if (_i + text.Length <= _limit && string.CompareOrdinal(_s, _i, text, 0, text.Length) == 0)
            {
                _i += text.Length;
                return true;
            }

            return false;
        }

        private bool LookingAt(string text) => _i + text.Length <= _limit && string.CompareOrdinal(_s, _i, text, 0, text.Length) == 0;

        /// <summary>Skips blanks and comments, and newlines when they do not matter here.</summary>
        private void Skip() => Skip(!_newlinesMatter);

        private void Skip(bool newlines)
        {
            while (!AtEnd)
            {
                var c = _s[_i];
                if (c is ' ' or '\t' or '\r' || (c == '\n' && newlines))
                {
                    _i++;
                }
                else if (c == '#' || (c == '/' && Peek(1) == '/'))
                {
                    while (!AtEnd && _s[_i] != '\n')
                    {
                        _i++;
                    }
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    var end = _s.IndexOf("*/", _i + 2, _limit - _i - 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw Error("A /* comment is not closed with */.");
                    }

                    _i = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private static bool IsIdentStart(char c) => char.IsLetter(c) || c == '_';

        private static bool IsIdentPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '-';

        private string ReadIdent(out SourceSpan span)
        {
            var start = _i;
            if (AtEnd || !IsIdentStart(_s[_i]))
            {
                throw Error("Expected a name.");
            }

            while (!AtEnd && IsIdentPart(_s[_i]))
            {
                _i++;
            }

            span = SpanOf(start, _i);
            return _s[start.._i];
        }

        private bool PeekKeyword(string word) =>
            LookingAt(word) && (_i + word.Length >= _limit || !IsIdentPart(_s[_i + word.Length]));

        private void Expect(char c, string what)
        {
            Skip();
            if (Peek() != c || AtEnd)
            {
                throw Error($"Expected {what}.");
            }

            _i++;
        }

        // ---- bodies ----------------------------------------------------------------------------------------------

        private List<HclBodyItem> ParseBodyItems(bool topLevel)
        {
            var items = new List<HclBodyItem>();
            while (true)
            {
                Skip(newlines: true);
                if (AtEnd)
                {
                    if (!topLevel)
                    {
                        throw Error("A block is not closed with }.");
                    }

                    return items;
                }

                if (_s[_i] == '}')
                {
                    if (topLevel)
                    {
                        throw Error("Unexpected } outside a block.");
                    }

                    return items;
                }

                var name = ReadIdent(out var nameSpan);
                Skip(newlines: false);
                if (Peek() == '=' && Peek(1) != '=')
                {
                    _i++;
                    var saved = _newlinesMatter;
                    _newlinesMatter = true;
                    var value = ParseExpression();
                    _newlinesMatter = saved;
                    items.Add(new HclAttribute(name, nameSpan, value));
                    Skip(newlines: false);
                    if (AtEnd || Peek() == '\n' || (!topLevel && Peek() == '}'))
                    {
                        continue;
                    }

                    throw Error($"Expected a newline after the value of '{name}'.");
                }

                var labels = new List<HclLabel>();
                while (!AtEnd && (Peek() == '"' || IsIdentStart(Peek())))
                {
                    var labelStart = _i;
                    if (Peek() == '"')
                    {
                        var template = ParseQuoted();
                        labels.Add(new HclLabel(template.LiteralText ?? throw Error("A block label cannot hold ${ } or %{ }.", labelStart), template.Span));
                    }
                    else
                    {
                        var label = ReadIdent(out var labelSpan);
                        labels.Add(new HclLabel(label, labelSpan));
                    }

                    Skip(newlines: false);
                }

                if (Peek() != '{' || AtEnd)
                {
                    throw Error($"Expected '=' or a block after '{name}'.");
                }

                var open = _i++;
                Enter();
                var savedNl = _newlinesMatter;
                _newlinesMatter = true;
                var body = ParseBodyItems(topLevel: false);
                _newlinesMatter = savedNl;
                Leave();
                _i++; // the closing brace
                items.Add(new HclBlock(name, nameSpan, labels, new HclBody(body, SpanOf(open, _i))));
                Skip(newlines: false);
                if (!(AtEnd || Peek() == '\n' || (!topLevel && Peek() == '}')))
                {
                    throw Error($"Expected a newline after the '{name}' block.");
                }
            }
        }

        // ---- expressions -----------------------------------------------------------------------------------------

        private HclExpression ParseExpression()
        {
            Enter();
            var start = SkipAndMark();
            var condition = ParseBinary(0);
            Skip();
            if (Peek() == '?' && !AtEnd)
            {
                _i++;
                Skip(newlines: true);
                var whenTrue = ParseExpression();
                Skip();
                if (Peek() != ':' || AtEnd)
                {
                    // A newline before ':' inside brackets was skipped above; at body level it is an error, as in HCL.
                    throw Error("Expected ':' of the conditional expression.");
                }

                _i++;
                Skip(newlines: true);
                var whenFalse = ParseExpression();
                condition = new HclConditional(SpanOf(start, EndOf(whenFalse)), condition, whenTrue, whenFalse);
            }

            Leave();
            return condition;
        }

        private int SkipAndMark()
        {
            Skip();
            return _i;
        }

        private int _lastEnd;

        private int EndOf(HclExpression _) => _lastEnd;

        private static int Precedence(string op) => op switch
        {
            "||" => 1,
            "&&" => 2,
            "==" or "!=" => 3,
            "<" or ">" or "<=" or ">=" => 4,
            "+" or "-" => 5,
            _ => 6,
        };

        private string? PeekOperator()
        {
            if (AtEnd)
            {
                return null;
            }

            var c = _s[_i];
            var d = Peek(1);
            return c switch
            {
                '|' when d == '|' => "||",
                '&' when d == '&' => "&&",
                '=' when d == '=' => "==",
                '!' when d == '=' => "!=",
                '<' when d == '=' => "<=",
                '>' when d == '=' => ">=",
                '<' => "<",
                '>' => ">",
                '+' => "+",
                '-' => "-",
                '*' => "*",
                '/' => "/",
                '%' when d != '{' => "%",
                _ => null,
            };
        }

        private HclExpression ParseBinary(int minPrecedence)
        {
            var start = SkipAndMark();
            var left = ParseUnary();
            while (true)
            {
                Skip();
                if (PeekOperator() is not { } op || Precedence(op) < minPrecedence)
                {
                    return left;
                }

                _i += op.Length;
                Skip(newlines: true);
                Enter();
                var right = ParseBinary(Precedence(op) + 1);
                Leave();
                left = new HclBinary(SpanOf(start, _lastEnd), op, left, right);
            }
        }

        private HclExpression ParseUnary()
        {
            var start = SkipAndMark();
            if ((Peek() == '!' && Peek(1) != '=') || Peek() == '-')
            {
                var op = _s[_i].ToString();
                _i++;
                Enter();
                var operand = ParseUnary();
                Leave();
                return new HclUnary(SpanOf(start, _lastEnd), op, operand);
            }

            return ParsePostfix(ParsePrimary(), start);
        }

        private HclExpression ParsePostfix(HclExpression term, int start)
        {
            while (true)
            {
                var before = _i;
                Skip();
                if (Peek() == '.' && !AtEnd && Peek(1) != '.')
                {
                    _i++;
                    Skip();
                    if (Peek() == '*')
                    {
                        _i++;
                        _lastEnd = _i;
                        var each = ParseSplatTraversal(full: false);
                        term = new HclSplat(SpanOf(start, _lastEnd), term, each, IsFull: false);
                        continue;
                    }

                    term = ParseDotStep(term, start);
                    continue;
                }

                if (Peek() == '[' && !AtEnd)
                {
                    _i++;
                    var saved = _newlinesMatter;
                    _newlinesMatter = false;
                    Skip();
                    if (Peek() == '*')
                    {
                        _i++;
                        Expect(']', "']' after '[*'");
                        _newlinesMatter = saved;
                        _lastEnd = _i;
                        var each = ParseSplatTraversal(full: true);
                        term = new HclSplat(SpanOf(start, _lastEnd), term, each, IsFull: true);
                        continue;
                    }

                    var key = ParseExpression();
                    Expect(']', "']' after the index");
                    _newlinesMatter = saved;
                    _lastEnd = _i;
                    term = new HclIndex(SpanOf(start, _i), term, key);
                    continue;
                }

                _i = before;
                return term;
            }
        }

        private HclExpression ParseDotStep(HclExpression term, int start)
        {
            if (char.IsAsciiDigit(Peek()))
            {
                var numberStart = _i;
                while (char.IsAsciiDigit(Peek()) && !AtEnd)
                {
                    _i++;
                }

                _lastEnd = _i;
                return new HclIndex(SpanOf(start, _i), term, new HclLiteral(SpanOf(numberStart, _i), HclLiteralKind.Number, _s[numberStart.._i]));
            }

            var name = ReadIdent(out _);
            _lastEnd = _i;
            return new HclGetAttr(SpanOf(start, _i), term, name);
        }

        /// <summary>The traversal after <c>.*</c> (attributes only) or <c>[*]</c> (attributes and indexes).</summary>
        private HclExpression ParseSplatTraversal(bool full)
        {
            var start = _i;
            HclExpression each = new HclSplatItem(SpanOf(start, start));
            while (true)
            {
                var before = _i;
                Skip();
                if (Peek() == '.' && Peek(1) != '.' && Peek(1) != '*' && !AtEnd)
                {
                    _i++;
                    Skip();
                    each = ParseDotStep(each, start);
                    continue;
                }

                if (full && Peek() == '[' && Peek(1) != '*' && !AtEnd)
                {
                    _i++;
                    var saved = _newlinesMatter;
                    _newlinesMatter = false;
                    var key = ParseExpression();
                    Expect(']', "']' after the index");
                    _newlinesMatter = saved;
                    _lastEnd = _i;
                    each = new HclIndex(SpanOf(start, _i), each, key);
                    continue;
                }

                _i = before;
                return each;
            }
        }

        private HclExpression ParsePrimary()
        {
            Skip();
            var start = _i;
            if (AtEnd)
            {
                throw Error("Expected an expression.");
            }

            var c = _s[_i];
            HclExpression result;
            if (char.IsAsciiDigit(c))
            {
                result = ParseNumber();
            }
            else if (c == '"')
            {
                result = ParseQuoted();
            }
            else if (c == '<' && Peek(1) == '<')
            {
                result = ParseHeredoc();
            }
            else if (c == '[')
            {
                result = ParseTupleOrFor();
            }
            else if (c == '{')
            {
                result = ParseObjectOrFor();
            }
            else if (c == '(')
            {
                _i++;
                var saved = _newlinesMatter;
                _newlinesMatter = false;
                var inner = ParseExpression();
                Expect(')', "')'");
                _newlinesMatter = saved;
                result = new HclParenthesis(SpanOf(start, _i), inner);
            }
            else if (IsIdentStart(c))
            {
                var name = ReadIdent(out var span);
                var afterName = _i;
                while (LookingAt("::") && _i + 2 < _limit && IsIdentStart(_s[_i + 2]))
                {
                    _i += 2;
                    ReadIdent(out _);
                }

                var fullName = _s[start.._i];
                Skip();
                if (Peek() == '(' && !AtEnd)
                {
                    result = ParseCall(fullName, start);
                }
                else
                {
                    if (fullName.Length != name.Length)
                    {
                        throw Error($"Expected '(' after the function name '{fullName}'.");
                    }

                    _i = afterName;
                    result = name switch
                    {
                        "true" or "false" => new HclLiteral(span, HclLiteralKind.Bool, name),
                        "null" => new HclLiteral(span, HclLiteralKind.Null, name),
                        _ => new HclVariable(span, name),
                    };
                }
            }
            else
            {
                throw Error($"Expected an expression, found '{Printable(c)}'.");
            }

            _lastEnd = _i;
            return result;
        }

        private static string Printable(char c) => char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString();

        private HclLiteral ParseNumber()
        {
            var start = _i;
            while (char.IsAsciiDigit(Peek()) && !AtEnd)
            {
                _i++;
            }

            if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
            {
                _i++;
                while (char.IsAsciiDigit(Peek()) && !AtEnd)
                {
                    _i++;
                }
            }

            if (Peek() is 'e' or 'E')
            {
                var mark = _i;
                _i++;
                if (Peek() is '+' or '-')
                {
                    _i++;
                }

                if (!char.IsAsciiDigit(Peek()))
                {
                    _i = mark;
                }
                else
                {
                    while (char.IsAsciiDigit(Peek()) && !AtEnd)
                    {
                        _i++;
                    }
                }
            }

            _lastEnd = _i;
            return new HclLiteral(SpanOf(start, _i), HclLiteralKind.Number, _s[start.._i]);
        }

        private HclFunctionCall ParseCall(string name, int start)
        {
            _i++; // (
            var saved = _newlinesMatter;
            _newlinesMatter = false;
            var arguments = new List<HclExpression>();
            var expand = false;
            while (true)
            {
                Skip();
                if (Peek() == ')' && !AtEnd)
                {
                    _i++;
                    break;
                }

                if (expand)
                {
                    throw Error("Expected ')' after the '...' argument.");
                }

                arguments.Add(ParseExpression());
                Skip();
                if (Next("..."))
                {
                    expand = true;
                    Skip();
                }

                if (Peek() == ',' && !AtEnd)
                {
                    _i++;
                    continue;
                }

                if (Peek() != ')' || AtEnd)
                {
                    throw Error($"Expected ',' or ')' in the arguments of '{name}'.");
                }
            }

            _newlinesMatter = saved;
            _lastEnd = _i;
            return new HclFunctionCall(SpanOf(start, _i), name, arguments, expand);
        }

        private bool AtForKeyword()
        {
            if (!PeekKeyword("for"))
            {
                return false;
            }

            var k = _i + 3;
            while (k < _limit && _s[k] is ' ' or '\t' or '\r' or '\n')
            {
                k++;
            }

            return k > _i + 3 && k < _limit && IsIdentStart(_s[k]);
        }

        private HclExpression ParseTupleOrFor()
        {
            var start = _i++;
            var saved = _newlinesMatter;
            _newlinesMatter = false;
            Skip();
            if (AtForKeyword())
            {
                var result = ParseFor(start, ']');
                _newlinesMatter = saved;
                return result;
            }

            var items = new List<HclExpression>();
            while (true)
            {
                Skip();
                if (Peek() == ']' && !AtEnd)
                {
                    _i++;
                    break;
                }

                items.Add(ParseExpression());
                Skip();
                if (Peek() == ',' && !AtEnd)
                {
                    _i++;
                    continue;
                }

                if (Peek() != ']' || AtEnd)
                {
                    throw Error("Expected ',' or ']' in the list.");
                }
            }

            _newlinesMatter = saved;
            _lastEnd = _i;
            return new HclTuple(SpanOf(start, _i), items);
        }

        private HclExpression ParseObjectOrFor()
        {
            var start = _i++;
            var saved = _newlinesMatter;
            _newlinesMatter = false;
            Skip();
            if (AtForKeyword())
            {
                var result = ParseFor(start, '}');
                _newlinesMatter = saved;
                return result;
            }

            _newlinesMatter = true;
            var items = new List<HclObjectItem>();
            while (true)
            {
                Skip(newlines: true);
                if (AtEnd)
                {
                    throw Error("An object is not closed with }.");
                }

                if (Peek() == '}')
                {
                    _i++;
                    break;
                }

                HclExpression key;
                var bare = false;
                if (IsIdentStart(Peek()) && BareKeyAhead())
                {
                    var name = ReadIdent(out var span);
                    key = new HclTemplate(span, new[] { new HclTemplateText(span, name) }, IsHeredoc: false);
                    bare = true;
                }
                else
                {
                    key = ParseExpression();
                }

                Skip();
                if ((Peek() == '=' && Peek(1) is not '=' and not '>') || Peek() == ':')
                {
                    _i++;
                }
                else
                {
                    throw Error("Expected '=' or ':' after the object key.");
                }

                Skip(newlines: true);
                var value = ParseExpression();
                items.Add(new HclObjectItem(key, bare, value));
                Skip();
                if (Peek() == ',' && !AtEnd)
                {
                    _i++;
                }
                else if (!(Peek() == '\n' || Peek() == '}') || AtEnd)
                {
                    throw Error("Expected ',', a newline or '}' after the object item.");
                }
            }

            _newlinesMatter = saved;
            _lastEnd = _i;
            return new HclObject(SpanOf(start, _i), items);
        }

        /// <summary>True when the identifier at the cursor is followed by <c>=</c> or <c>:</c> (a bare object key).</summary>
        private bool BareKeyAhead()
        {
            var k = _i;
            while (k < _limit && IsIdentPart(_s[k]))
            {
                k++;
            }

            while (k < _limit && _s[k] is ' ' or '\t')
            {
                k++;
            }

            return k < _limit && (_s[k] == ':' || (_s[k] == '=' && (k + 1 >= _limit || _s[k + 1] is not '=' and not '>')));
        }

        private HclFor ParseFor(int start, char close)
        {
            _i += 3;
            Skip();
            var first = ReadIdent(out _);
            string? keyVariable = null;
            var valueVariable = first;
            Skip();
            if (Peek() == ',' && !AtEnd)
            {
                _i++;
                Skip();
                keyVariable = first;
                valueVariable = ReadIdent(out _);
                Skip();
            }

            if (!PeekKeyword("in"))
            {
                throw Error("Expected 'in' in the for expression.");
            }

            _i += 2;
            var collection = ParseExpression();
            Expect(':', "':' in the for expression");
            HclExpression? key = null;
            var value = ParseExpression();
            Skip();
            if (close == '}')
            {
                if (!Next("=>"))
                {
                    throw Error("Expected '=>' in the object for expression.");
                }

                key = value;
                value = ParseExpression();
                Skip();
            }

            var grouping = close == '}' && Next("...");
            Skip();
            HclExpression? condition = null;
            if (PeekKeyword("if"))
            {
                _i += 2;
                condition = ParseExpression();
            }

            Expect(close, $"'{close}' closing the for expression");
            _lastEnd = _i;
            return new HclFor(SpanOf(start, _i), keyVariable, valueVariable, collection, key, value, grouping, condition);
        }

        // ---- templates -------------------------------------------------------------------------------------------

        private HclTemplate ParseQuoted()
        {
            var start = _i++;
            Enter();
            var outerQuote = _quoteStart;
            _quoteStart = start;
            var parts = ParseTemplateSequence(quoted: true, out var terminator);
            _quoteStart = outerQuote;
            if (terminator is not null)
            {
                throw Error($"'%{{ {terminator} }}' has no matching directive.");
            }

            _i++; // closing quote
            Leave();
            _lastEnd = _i;
            return new HclTemplate(SpanOf(start, _i), parts, IsHeredoc: false);
        }

        private HclTemplate ParseHeredoc()
        {
            var start = _i;
            _i += 2;
            var indented = Next("-");
            var marker = ReadIdent(out _);
            while (Peek() is ' ' or '\t' or '\r' && !AtEnd)
            {
                _i++;
            }

            if (Peek() != '\n' || AtEnd)
            {
                throw Error("Expected a newline after the heredoc marker.");
            }

            _i++;
            var contentStart = _i;
            var lineStart = _i;
            int contentEnd;
            while (true)
            {
                if (lineStart >= _limit)
                {
                    throw Error($"The heredoc is not closed with a line holding only '{marker}'.", start);
                }

                var lineEnd = _s.IndexOf('\n', lineStart, _limit - lineStart);
                var end = lineEnd < 0 ? _limit : lineEnd;
                var trimmed = _s.AsSpan(lineStart, end - lineStart).Trim(" \t\r");
                if (trimmed.SequenceEqual(marker))
                {
                    contentEnd = lineStart;
                    _i = lineStart + _s.AsSpan(lineStart, end - lineStart).IndexOf(marker, StringComparison.Ordinal) + marker.Length;
                    break;
                }

                lineStart = end + 1;
            }

            var after = _i;
            var savedLimit = _limit;
            _limit = contentEnd;
            _i = contentStart;
            Enter();
            var parts = ParseTemplateSequence(quoted: false, out var terminator);
            Leave();
            if (terminator is not null)
            {
                throw Error($"'%{{ {terminator} }}' has no matching directive.");
            }

            _limit = savedLimit;
            _i = after;
            if (indented && parts.All(p => p is HclTemplateText))
            {
                var text = string.Concat(parts.Cast<HclTemplateText>().Select(p => p.Text));
                parts = new List<HclTemplatePart> { new HclTemplateText(SpanOf(contentStart, contentEnd), Dedent(text)) };
            }

            _lastEnd = _i;
            return new HclTemplate(SpanOf(start, _i), parts, IsHeredoc: true);
        }

        private static string Dedent(string text)
        {
            var lines = text.Split('\n');
            var min = int.MaxValue;
            foreach (var line in lines)
            {
                var content = line.TrimEnd('\r');
                if (content.Trim().Length == 0)
                {
                    continue;
                }

                var indent = 0;
                while (indent < content.Length && content[indent] is ' ' or '\t')
                {
                    indent++;
                }

                min = Math.Min(min, indent);
            }

            if (min is int.MaxValue or 0)
            {
                return text;
            }

            return string.Join('\n', lines.Select(l => l.Length >= min ? l[min..] : l.TrimStart(' ', '\t')));
        }

        /// <summary>Reads template parts up to the closing quote (quoted), the end of the heredoc's content, or a
        /// <c>%{else}</c>/<c>%{endif}</c>/<c>%{endfor}</c> directive, whose keyword is returned in <paramref name="terminator"/>.</summary>
        private List<HclTemplatePart> ParseTemplateSequence(bool quoted, out string? terminator)
        {
            var parts = new List<HclTemplatePart>();
            var text = new StringBuilder();
            var textStart = _i;
            var trimNext = false;

            void Flush()
            {
                if (text.Length > 0)
                {
                    parts.Add(new HclTemplateText(SpanOf(textStart, _i), text.ToString()));
                    text.Clear();
                }
            }

            void TrimPrevious()
            {
                if (text.Length > 0)
                {
                    var trimmed = text.ToString().TrimEnd();
                    text.Clear().Append(trimmed);
                }
                else if (parts.Count > 0 && parts[^1] is HclTemplateText last)
                {
                    parts[^1] = last with { Text = last.Text.TrimEnd() };
                }
            }

            while (true)
            {
                if (trimNext)
                {
                    while (!AtEnd && char.IsWhiteSpace(_s[_i]) && !(quoted && _s[_i] == '\n'))
                    {
                        _i++;
                    }

                    trimNext = false;
                    textStart = _i;
                }

                if (AtEnd)
                {
                    if (quoted)
                    {
                        throw Error("A string is not closed with a quote.", _quoteStart);
                    }

                    Flush();
                    terminator = null;
                    return parts;
                }

                var c = _s[_i];
                if (quoted && c == '\n')
                {
                    throw Error("A string is not closed with a quote before the end of the line.", _quoteStart);
                }

                if (quoted && c == '"')
                {
                    Flush();
                    terminator = null;
                    return parts;
                }

                if (quoted && c == '\\')
                {
                    text.Append(ReadEscape());
                    continue;
                }

                if ((c == '$' || c == '%') && Peek(1) == c && Peek(2) == '{')
                {
                    text.Append(c).Append('{');
                    _i += 3;
                    continue;
                }

                if (c == '$' && Peek(1) == '{')
                {
                    var open = _i;
                    var strip = Peek(2) == '~';
                    if (strip)
                    {
                        TrimPrevious();
                    }

                    Flush();
                    _i += strip ? 3 : 2;
                    var saved = _newlinesMatter;
                    _newlinesMatter = false;
                    var expression = ParseExpression();
                    Skip();
                    trimNext = Next("~");
                    Expect('}', "'}' closing the ${ interpolation");
                    _newlinesMatter = saved;
                    parts.Add(new HclTemplateInterpolation(SpanOf(open, _i), expression));
                    textStart = _i;
                    continue;
                }

                if (c == '%' && Peek(1) == '{')
                {
                    var open = _i;
                    var strip = Peek(2) == '~';
                    if (strip)
                    {
                        TrimPrevious();
                    }

                    Flush();
                    _i += strip ? 3 : 2;
                    var saved = _newlinesMatter;
                    _newlinesMatter = false;
                    Skip();
                    var keyword = ReadIdent(out _);
                    switch (keyword)
                    {
                        case "if":
                        {
                            var condition = ParseExpression();
                            trimNext = CloseDirective();
                            _newlinesMatter = saved;
                            Enter();
                            var then = ParseTemplateSequence(quoted, out var end);
                            var otherwise = new List<HclTemplatePart>();
                            if (end == "else")
                            {
                                otherwise = ParseTemplateSequence(quoted, out end);
                            }

                            Leave();
                            if (end != "endif")
                            {
                                throw Error("'%{ if }' is not closed with '%{ endif }'.", open);
                            }

                            parts.Add(new HclTemplateIf(SpanOf(open, _i), condition, then, otherwise));
                            break;
                        }

                        case "for":
                        {
                            Skip();
                            var first = ReadIdent(out _);
                            string? key = null;
                            var value = first;
                            Skip();
                            if (Next(","))
                            {
                                Skip();
                                key = first;
                                value = ReadIdent(out _);
                                Skip();
                            }

                            if (!PeekKeyword("in"))
                            {
                                throw Error("Expected 'in' in the template for directive.");
                            }

                            _i += 2;
                            var collection = ParseExpression();
                            trimNext = CloseDirective();
                            _newlinesMatter = saved;
                            Enter();
                            var body = ParseTemplateSequence(quoted, out var end);
                            Leave();
                            if (end != "endfor")
                            {
                                throw Error("'%{ for }' is not closed with '%{ endfor }'.", open);
                            }

                            parts.Add(new HclTemplateFor(SpanOf(open, _i), key, value, collection, body));
                            break;
                        }

                        case "else" or "endif" or "endfor":
                            // The directive's trailing strip marker applies to the text that follows, read by the caller.
                            var stripAfter = CloseDirective();
                            _newlinesMatter = saved;
                            if (stripAfter)
                            {
                                while (!AtEnd && char.IsWhiteSpace(_s[_i]) && !(quoted && _s[_i] == '\n'))
                                {
                                    _i++;
                                }
                            }

                            terminator = keyword;
                            return parts;

                        default:
                            throw Error($"'%{{ {keyword} }}' is not a template directive (if, else, endif, for, endfor).", open);
                    }

                    textStart = _i;
                    continue;
                }

                if (text.Length == 0)
                {
                    textStart = _i;
                }

                text.Append(c);
                _i++;
            }
        }

        private bool CloseDirective()
        {
            Skip();
            var strip = Next("~");
            Expect('}', "'}' closing the %{ directive");
            return strip;
        }

        private string ReadEscape()
        {
            var start = _i;
            _i++;
            var c = Peek();
            _i++;
            switch (c)
            {
                case 'n': return "\n";
                case 'r': return "\r";
                case 't': return "\t";
                case '"': return "\"";
                case '\\': return "\\";
                case 'u' or 'U':
                {
                    var length = c == 'u' ? 4 : 8;
                    if (_i + length > _limit || !int.TryParse(_s.AsSpan(_i, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code) ||
                        code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                    {
                        throw Error($"'\\{c}' must be followed by {length} hexadecimal digits of a Unicode scalar value.", start);
                    }

                    _i += length;
                    return char.ConvertFromUtf32(code);
                }

                default:
                    throw Error($"'\\{Printable(c)}' is not an escape sequence; use \\n, \\r, \\t, \\\", \\\\, \\uNNNN or \\UNNNNNNNN.", start);
            }
        }
    }
}
