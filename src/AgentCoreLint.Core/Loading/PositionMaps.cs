using System.Text;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Loading;

/// <summary>
/// Converts byte offsets of UTF-8 text to 1-based line and UTF-16 column. Built once per file; lookups in increasing
/// offset order (the order a reader produces tokens) cost amortised O(1) even on a single multi-megabyte line.
/// </summary>
internal ref struct Utf8PositionMap
{
    private readonly ReadOnlySpan<byte> _text;
    private readonly List<int> _lineStarts;
    private readonly bool _isAscii;
    private int _cursorLine;
    private int _cursorOffset;
    private int _cursorColumn;

    public Utf8PositionMap(ReadOnlySpan<byte> text)
    {
        _text = text;
        _lineStarts = Scan.LineStarts(text);
        _isAscii = Ascii.IsValid(text);
        _cursorLine = 0;
        _cursorOffset = 0;
        _cursorColumn = 1;
    }

    /// <summary>The position of byte <paramref name="offset"/> (clamped to the text).</summary>
    public SourcePosition At(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = LineOf(offset);
        var lineStart = _lineStarts[line];
        if (_isAscii)
        {
            return new SourcePosition(line + 1, offset - lineStart + 1);
        }

        // Continue from the last answer when it is earlier on the same line, so long lines are walked once.
        int from, column;
        if (_cursorLine == line && _cursorOffset <= offset)
        {
            from = _cursorOffset;
            column = _cursorColumn;
        }
        else
        {
            from = lineStart;
            column = 1;
        }

        column += Utf16Length(_text[from..offset]);
        _cursorLine = line;
        _cursorOffset = offset;
        _cursorColumn = column;
        return new SourcePosition(line + 1, column);
    }

    /// <summary>The span of bytes [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public SourceSpan Span(int start, int end) => new(At(start), At(Math.Max(start, end)));

    /// <summary>A span covering the one character at <paramref name="offset"/> (empty at a line end or the file end).</summary>
    public SourceSpan Point(int offset)
    {
        if (offset < 0 || offset >= _text.Length || _text[offset] is (byte)'\r' or (byte)'\n')
        {
            return Span(offset, offset);
        }

        var length = 1;
        while (offset + length < _text.Length && (_text[offset + length] & 0xC0) == 0x80)
        {
            length++;
        }

        return Span(offset, offset + length);
    }

    private int LineOf(int offset)
    {
        var count = _lineStarts.Count;
        if (_lineStarts[_cursorLine] <= offset && (_cursorLine + 1 == count || offset < _lineStarts[_cursorLine + 1]))
        {
            return _cursorLine;
        }

        return Scan.LineOf(_lineStarts, offset);
    }

    /// <summary>UTF-16 code units needed for UTF-8 <paramref name="bytes"/>: one per lead byte, two for 4-byte sequences.</summary>
    internal static int Utf16Length(ReadOnlySpan<byte> bytes)
    {
        var units = 0;
        foreach (var b in bytes)
        {
            if ((b & 0xC0) != 0x80)
            {
                units++;
            }

            if (b >= 0xF0)
            {
                units++;
            }
        }

        return units;
    }
}

/// <summary>Converts character (UTF-16 code unit) indexes of a string to 1-based line and column.</summary>
internal sealed class TextPositionMap
{
    private readonly string _text;
    private readonly List<int> _lineStarts;

    public TextPositionMap(string text)
    {
        _text = text;
        _lineStarts = Scan.LineStarts(text);
    }

    /// <summary>The position of character <paramref name="index"/> (clamped to the text).</summary>
    public SourcePosition At(long index)
    {
        var offset = (int)Math.Clamp(index, 0, _text.Length);
        var line = Scan.LineOf(_lineStarts, offset);
        return new SourcePosition(line + 1, offset - _lineStarts[line] + 1);
    }

    /// <summary>The span of characters [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public SourceSpan Span(long start, long end) => new(At(start), At(Math.Max(start, end)));

    /// <summary>A span covering the one character at <paramref name="index"/> (empty at a line end or the file end).</summary>
    public SourceSpan Point(long index)
    {
        if (index < 0 || index >= _text.Length || _text[(int)index] is '\r' or '\n')
        {
            return Span(index, index);
        }

        return Span(index, index + (char.IsHighSurrogate(_text[(int)index]) ? 2 : 1));
    }
}
