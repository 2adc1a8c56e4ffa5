namespace AgentCoreLint.Core.Loading;

/// <summary>
/// Plain loops for the few searches the loaders make over a whole file. The span methods of the base library
/// (<c>IndexOfAny</c>, <c>SearchValues</c>, <c>BinarySearch</c>) are generic and vectorised, so their code is not in
/// the ReadyToRun images and is JIT-compiled on first use: about 20 methods, a noticeable part of a one-file run,
/// which is mostly start-up. These loops are compiled ahead of time with the rest of the assembly, and on the files
/// the linter reads (kilobytes; at most <see cref="LoadOptions.MaxFileBytes"/>) they cost microseconds to milliseconds.
/// </summary>
internal static class Scan
{
    /// <summary>The offset of the first C0 control byte other than tab, LF and CR, or -1.</summary>
    public static int IndexOfControlByte(ReadOnlySpan<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            var b = utf8[i];
            if (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when every byte is a space, tab, CR or LF (or there are none).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> utf8)
    {
        foreach (var b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when a JSON number token has a fraction or an exponent.</summary>
    public static bool HasFractionOrExponent(ReadOnlySpan<byte> number)
    {
        foreach (var b in number)
        {
            if (b is (byte)'.' or (byte)'e' or (byte)'E')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Offsets (in bytes) at which each line of UTF-8 text starts; entry 0 is 0. Lines end at LF, CRLF or CR.</summary>
    public static List<int> LineStarts(ReadOnlySpan<byte> text)
    {
        var starts = new List<int>(64) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 == text.Length || text[i + 1] != (byte)'\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>Offsets (in UTF-16 code units) at which each line of <paramref name="text"/> starts; entry 0 is 0.
    /// Lines end at LF, CRLF or CR.</summary>
    public static List<int> LineStarts(string text)
    {
        var starts = new List<int>(64) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>The 0-based line containing <paramref name="offset"/>, given the line starts of the text.</summary>
    public static int LineOf(List<int> starts, int offset)
    {
        int low = 0, high = starts.Count - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (starts[middle] <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }
}
