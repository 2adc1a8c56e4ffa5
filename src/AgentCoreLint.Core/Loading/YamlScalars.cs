using System.Globalization;
using AgentCoreLint.Rules.Documents;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AgentCoreLint.Core.Loading;

/// <summary>
/// YAML 1.2 core schema resolution of plain scalars (YAML 1.2.2 §10.3.2), written as character tests rather than
/// regular expressions because it runs once per scalar. The text is normalised where the document model needs it:
/// booleans to <c>true</c>/<c>false</c>, nulls to <c>null</c>, hexadecimal and octal integers to decimal, and
/// <c>.inf</c>/<c>.nan</c> to <c>Infinity</c>/<c>NaN</c> (what <see cref="double.TryParse(string?, out double)"/> reads);
/// other numbers keep their lexical form.
/// </summary>
internal static class YamlScalars
{
    private const string CoreTagPrefix = "tag:yaml.org,2002:";

    /// <summary>Resolves a scalar event by its style and tag: plain scalars by the core schema, quoted and block scalars
    /// as strings, <c>!!str</c>/<c>!!int</c>/<c>!!float</c>/<c>!!bool</c>/<c>!!null</c> as that type (a value that is not
    /// of its tag's type is a finding in <paramref name="sink"/> and a string), other tags kept in
    /// <paramref name="tag"/> on a string.</summary>
    /// <returns>The kind; <paramref name="text"/> is the normalised text.</returns>
    public static NodeKind Resolve(Scalar scalar, SourceSpan span, string pointer, FindingSink sink, out string text, out string? tag)
    {
        tag = null;
        text = scalar.Value;
        if (scalar.Tag.IsEmpty)
        {
            return scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? YamlScalars.Resolve(scalar.Value, out text) : NodeKind.String;
        }

        if (scalar.Tag.IsNonSpecific)
        {
            return NodeKind.String;
        }

        var name = scalar.Tag.Value;
        if (!name.StartsWith(CoreTagPrefix, StringComparison.Ordinal))
        {
            tag = name;
            return NodeKind.String;
        }

        var type = name[CoreTagPrefix.Length..];
        if (type == "str")
        {
            return NodeKind.String;
        }

        NodeKind? wanted = type switch
        {
            "int" => NodeKind.Integer,
            "float" => NodeKind.Float,
            "bool" => NodeKind.Boolean,
            "null" => NodeKind.Null,
            _ => null,
        };
        if (wanted is null)
        {
            // !!binary, !!timestamp …: the content is text; the tag says how to read it.
            tag = "!!" + type;
            return NodeKind.String;
        }

        var resolved = YamlScalars.Resolve(scalar.Value, out var normalised);
        if (resolved == wanted || (wanted == NodeKind.Float && resolved == NodeKind.Integer))
        {
            text = normalised;
            return wanted.Value;
        }

        sink.Add($"This value is tagged !!{type} but is not {DocNode.Describe(wanted.Value)}.", span, pointer);
        return NodeKind.String;
    }

    /// <summary>The tag kept on a mapping or sequence: null for none, <c>!</c>, <c>!!map</c> and <c>!!seq</c>;
    /// <c>!!type</c> for other core tags; the tag as written otherwise.</summary>
    public static string? TagOf(TagName tag)
    {
        if (tag.IsEmpty || tag.IsNonSpecific)
        {
            return null;
        }

        var name = tag.Value;
        if (!name.StartsWith(CoreTagPrefix, StringComparison.Ordinal))
        {
            return name;
        }

        var type = name[CoreTagPrefix.Length..];
        return type is "map" or "seq" ? null : "!!" + type;
    }

    /// <summary>Resolves a plain scalar by the core schema.</summary>
    /// <returns>The kind; <paramref name="text"/> is the normalised text.</returns>
    public static NodeKind Resolve(string value, out string text)
    {
        text = value;
        if (value.Length == 0)
        {
            text = "null";
            return NodeKind.Null;
        }

        switch (value)
        {
            case "~" or "null" or "Null" or "NULL":
                text = "null";
                return NodeKind.Null;
            case "true" or "True" or "TRUE":
                text = "true";
                return NodeKind.Boolean;
            case "false" or "False" or "FALSE":
                text = "false";
                return NodeKind.Boolean;
        }

        var first = value[0];
        if (!char.IsAsciiDigit(first) && first is not ('+' or '-' or '.'))
        {
            return NodeKind.String;
        }

        if (IsDecimalInteger(value))
        {
            return NodeKind.Integer;
        }

        if (value.Length > 2 && value[0] == '0' && (value[1] == 'x' || value[1] == 'o'))
        {
            return ResolveRadix(value, ref text);
        }

        if (IsFloat(value))
        {
            return NodeKind.Float;
        }

        var unsigned = value.AsSpan(value[0] is '+' or '-' ? 1 : 0);
        if (unsigned is ".inf" or ".Inf" or ".INF")
        {
            text = value[0] == '-' ? "-Infinity" : "Infinity";
            return NodeKind.Float;
        }

        if (value is ".nan" or ".NaN" or ".NAN")
        {
            text = "NaN";
            return NodeKind.Float;
        }

        return NodeKind.String;
    }

    /// <summary><c>[-+]?[0-9]+</c>.</summary>
    private static bool IsDecimalInteger(string value)
    {
        var i = value[0] is '+' or '-' ? 1 : 0;
        if (i == value.Length)
        {
            return false;
        }

        for (; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>0o[0-7]+</c> or <c>0x[0-9a-fA-F]+</c>, rewritten in decimal when it fits 64 bits.</summary>
    private static NodeKind ResolveRadix(string value, ref string text)
    {
        var hex = value[1] == 'x';
        ulong result = 0;
        var overflow = false;
        for (var i = 2; i < value.Length; i++)
        {
            var c = value[i];
            int digit;
            if (hex && char.IsAsciiHexDigit(c))
            {
                digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
            }
            else if (!hex && c is >= '0' and <= '7')
            {
                digit = c - '0';
            }
            else
            {
                return NodeKind.String;
            }

            var radix = hex ? 16UL : 8UL;
            if (result > (ulong.MaxValue - (ulong)digit) / radix)
            {
                overflow = true;
            }

            result = unchecked((result * radix) + (ulong)digit);
        }

        // Too large for 64 bits: still an integer, kept as written (range rules then see it as out of range).
        text = overflow ? value : result.ToString(CultureInfo.InvariantCulture);
        return NodeKind.Integer;
    }

    /// <summary><c>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?</c>.</summary>
    private static bool IsFloat(string value)
    {
        var i = value[0] is '+' or '-' ? 1 : 0;
        var intDigits = CountDigits(value, ref i);
        var fracDigits = 0;
        var hasPoint = i < value.Length && value[i] == '.';
        if (hasPoint)
        {
            i++;
            fracDigits = CountDigits(value, ref i);
        }

        if (intDigits == 0 && fracDigits == 0)
        {
            return false;
        }

        if (i < value.Length && (value[i] == 'e' || value[i] == 'E'))
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
            {
                i++;
            }

            if (CountDigits(value, ref i) == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    private static int CountDigits(string value, ref int i)
    {
        var start = i;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        return i - start;
    }
}
