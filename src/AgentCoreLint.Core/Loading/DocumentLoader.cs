using System.Buffers;
using System.Text;
using System.Text.Unicode;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Loading;

/// <summary>
/// Loads JSON and YAML files into document trees with source positions: every key and value has a 1-based
/// line/column span (columns in UTF-16 code units, end exclusive) and a JSON Pointer. Every problem with the input,
/// hostile input included, is reported as an ACL0001 finding; loading never throws on file content.
/// </summary>
/// <remarks>
/// <para>Spans: a key's span covers the key as written (quotes included); a quoted string's span includes its quotes;
/// an object or list spans from its opening to its closing bracket; a YAML block mapping or sequence spans from its
/// first key or <c>-</c> to the end of its last value; a block scalar from its <c>|</c>/<c>&gt;</c> indicator to its
/// last character. A YAML node's span starts at its tag or anchor when it has one (<c>!Ref Name</c> as a whole).
/// A UTF-8 BOM is not counted in columns.</para>
/// <para>JSON (RFC 8259): numbers keep their lexical text (Integer without fraction or exponent, else Float).
/// Comments, trailing commas and duplicate keys are findings, and the tree is still built. A repeated key keeps
/// the place of its first occurrence with the key and value of its last, as the AWS CLI (Python's json) reads it.</para>
/// <para>YAML 1.2: plain scalars resolve by the core schema (<c>~</c>/<c>null</c>/empty → Null; <c>true</c>/<c>True</c>/
/// <c>TRUE</c> → Boolean "true"; decimal, <c>0x</c> and <c>0o</c> integers, hex and octal rewritten in decimal; floats
/// and <c>.inf</c>/<c>.nan</c> as "Infinity"/"NaN"; anything else String). Quoted and block scalars are strings;
/// <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c>, <c>!!null</c> select the type. Other explicit tags
/// (<c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c> …) are kept in <see cref="DocNode.Tag"/> on the plain node; such a tagged
/// scalar is a String with its content as written. An alias is a copy of its anchor's subtree with the pointers of
/// the place it is used; the copy's root spans the alias, the values inside keep the spans where they are written.
/// Merge keys (<c>&lt;&lt;: *base</c>, <c>&lt;&lt;: [*a, *b]</c>) are applied as YAML 1.1 loaders (the AWS CLI's)
/// apply them: merged members the mapping does not set itself are copied in at the place of <c>&lt;&lt;</c>, earlier
/// mappings in a list winning. Keys that are lists or mappings are findings and their entries are skipped.
/// Each <c>---</c> document is one tree; after a syntax error, the documents completed before it are kept.</para>
/// <para>Limits (<see cref="LoadOptions"/>): a file over a limit (size, depth, values, aliases) yields exactly one
/// finding and no documents. Messages name keys and limits but never quote values.</para>
/// </remarks>
public static class DocumentLoader
{
    // Byte order marks. (A u8 string literal would UTF-8-encode "\xEF" as two bytes, so these are byte lists.)
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf32LeBom => [0xFF, 0xFE, 0x00, 0x00];

    private static ReadOnlySpan<byte> Utf32BeBom => [0x00, 0x00, 0xFE, 0xFF];

    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>Loads one file's content.</summary>
    /// <param name="content">The raw bytes of the file: UTF-8 (with or without BOM), or UTF-16/UTF-32 with a BOM.</param>
    /// <param name="fileName">The file's name or path; its extension picks the format (<c>.json</c> → JSON,
    /// <c>.yaml</c>/<c>.yml</c> → YAML, <c>.tf</c>/<c>.tfvars</c> → HCL; anything else, e.g. <c>.template</c>, is sniffed from the content).</param>
    /// <param name="options">Limits; null for <see cref="LoadOptions.Default"/>.</param>
    /// <returns>The documents and ACL0001 findings. Never throws for any <paramref name="content"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileName"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is not positive.</exception>
    public static LoadedDocument Load(ReadOnlySpan<byte> content, string fileName, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= LoadOptions.Default;
        Validate(options);

        if (content.Length > options.MaxFileBytes)
        {
            return Failed(TooLarge(content.Length, options.MaxFileBytes));
        }

        return LoadWithinLimit(content, DetectFormat(content, fileName), options);
    }

    /// <summary>Loads one file's content.</summary>
    /// <inheritdoc cref="Load(ReadOnlySpan{byte}, string, LoadOptions?)"/>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="fileName"/> is null.</exception>
    public static LoadedDocument Load(byte[] content, string fileName, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Load(content.AsSpan(), fileName, options);
    }

    /// <summary>The format a file is parsed as: from the extension, else sniffed (the first character that is not
    /// whitespace, a BOM or NUL is <c>{</c> or <c>[</c>: JSON; otherwise YAML).</summary>
    public static DocumentFormat DetectFormat(ReadOnlySpan<byte> content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);

        var extension = Path.GetExtension(fileName);
        if (extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Json;
        }

        if (extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return DocumentFormat.Yaml;
        }

        if (Terraform.HclLoader.IsHclFileName(fileName))
        {
            return DocumentFormat.Hcl;
        }

        // NULs and BOM bytes are skipped so UTF-16 and UTF-32 text sniffs like UTF-8.
        foreach (var b in content)
        {
            switch (b)
            {
                case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0 or 0xEF or 0xBB or 0xBF or 0xFE or 0xFF:
                    continue;
                case (byte)'{' or (byte)'[':
                    return DocumentFormat.Json;
                default:
                    return DocumentFormat.Yaml;
            }
        }

        return DocumentFormat.Yaml;
    }

    private static LoadedDocument LoadWithinLimit(ReadOnlySpan<byte> content, DocumentFormat format, LoadOptions options)
    {
        string? text = null;
        ReadOnlySpan<byte> utf8;
        if (content.StartsWith(Utf8Bom))
        {
            utf8 = content[3..];
        }
        else if (DecodeWideBom(content, out var decoded, out var problem))
        {
            if (problem is not null)
            {
                return Failed(problem);
            }

            text = decoded!;
            utf8 = Encoding.UTF8.GetBytes(text);
        }
        else
        {
            utf8 = content;
        }

        if (CheckUtf8(utf8) is { } encodingProblem)
        {
            return Failed(encodingProblem);
        }

        if (format == DocumentFormat.Hcl)
        {
            // An empty .tf file is valid Terraform (an empty body), so HCL is read before the blank-file check.
            var document = Terraform.HclLoader.TryParse(text ?? Encoding.UTF8.GetString(utf8), options.MaxDepth, out var error);
            return document is not null
                ? new LoadedDocument { Documents = new DocNode[] { document }, Findings = Array.Empty<Finding>() }
                : Failed(FindingSink.Create($"HCL syntax error: {error!.Message}", new SourceSpan(error.Position, error.Position), JsonPointer.Root));
        }

        if (Scan.IsBlank(utf8))
        {
            return Failed(FindingSink.Create("The file is empty; there is nothing to check.", SourceSpan.FileStart, JsonPointer.Root));
        }

        var sink = new FindingSink(options.MaxFindings);
        try
        {
            if (format == DocumentFormat.Json)
            {
                var root = JsonTreeReader.Read(utf8, options, sink);
                return new LoadedDocument
                {
                    Documents = root is null ? Array.Empty<DocNode>() : new[] { root },
                    Findings = sink.ToList(),
                };
            }

            text ??= Encoding.UTF8.GetString(utf8);
            var documents = YamlTreeReader.Read(text, options, sink);
            if (documents.Count == 0 && sink.ToList().Count == 0)
            {
                sink.Add("The file has no YAML document, only comments or directives; there is nothing to check.", SourceSpan.FileStart, JsonPointer.Root);
            }

            return new LoadedDocument { Documents = documents, Findings = sink.ToList() };
        }
        catch (LoadLimitException limit)
        {
            // Over a limit the file is hostile or broken: one finding, no partial tree for other rules to misread.
            return Failed(FindingSink.Create(limit.Message, limit.Span, limit.Pointer));
        }
    }

    /// <summary>Decodes UTF-32 and UTF-16 text that starts with a byte order mark.</summary>
    /// <returns>False when there is no such BOM; otherwise the text, or a finding when it does not decode.</returns>
    private static bool DecodeWideBom(ReadOnlySpan<byte> content, out string? text, out Finding? problem)
    {
        text = null;
        problem = null;
        Encoding encoding;
        int bomLength;
        string name;
        if (content.StartsWith(Utf32LeBom))
        {
            (encoding, bomLength, name) = (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32");
        }
        else if (content.StartsWith(Utf32BeBom))
        {
            (encoding, bomLength, name) = (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4, "UTF-32");
        }
        else if (content.StartsWith(Utf16LeBom))
        {
            (encoding, bomLength, name) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16");
        }
        else if (content.StartsWith(Utf16BeBom))
        {
            (encoding, bomLength, name) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2, "UTF-16");
        }
        else
        {
            return false;
        }

        try
        {
            text = encoding.GetString(content[bomLength..]);
        }
        catch (DecoderFallbackException ex)
        {
            var offset = bomLength + Math.Max(ex.Index, 0);
            problem = FindingSink.Create(
                $"The file starts with a {name} byte order mark but is not valid {name} (near byte offset {Texts.Count(offset)}). Save it as UTF-8.",
                SourceSpan.FileStart,
                JsonPointer.Root);
        }

        return true;
    }

    /// <summary>Finds control characters (binary data) and invalid UTF-8, whichever comes first.</summary>
    private static Finding? CheckUtf8(ReadOnlySpan<byte> utf8)
    {
        // C0 controls other than tab, LF and CR: JSON allows them only escaped, YAML not at all (its c-printable set).
        var control = Scan.IndexOfControlByte(utf8);
        var invalid = Utf8.IsValid(utf8) ? -1 : FirstInvalidUtf8(utf8);
        if (control < 0 && invalid < 0)
        {
            return null;
        }

        var offset = control >= 0 && (invalid < 0 || control <= invalid) ? control : invalid;
        var span = PositionOf(utf8, offset);
        var at = $"byte offset {Texts.Count(offset)}, line {Texts.Count(span.Start.Line)}";
        if (offset == control)
        {
            var what = utf8[control] == 0 ? "a NUL byte" : $"the control character U+{utf8[control]:X4}";
            var hint = utf8[control] == 0 && LooksLikeWideText(utf8)
                ? " It looks like UTF-16 or UTF-32 text without a byte order mark; save it as UTF-8."
                : " JSON and YAML text cannot contain it; check that this is the intended file.";
            return FindingSink.Create($"The file contains binary data ({what} at {at}).{hint}", span, JsonPointer.Root);
        }

        return FindingSink.Create($"The file is not valid UTF-8 (an invalid byte sequence at {at}). Save it as UTF-8.", span, JsonPointer.Root);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        Span<char> scratch = stackalloc char[1024];
        var position = 0;
        while (true)
        {
            var status = Utf8.ToUtf16(utf8[position..], scratch, out var read, out _, replaceInvalidSequences: false);
            switch (status)
            {
                case OperationStatus.InvalidData:
                case OperationStatus.NeedMoreData:
                    return position + read;
                case OperationStatus.DestinationTooSmall:
                    position += read;
                    break;
                default:
                    return -1;
            }
        }
    }

    /// <summary>True when the first bytes alternate text and NUL, as UTF-16/UTF-32 ASCII text does.</summary>
    private static bool LooksLikeWideText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 64)];
        var zeros = sample.Count((byte)0);
        return sample.Length >= 4 && zeros * 2 >= sample.Length && zeros < sample.Length;
    }

    /// <summary>The position of one byte in text that may be invalid from there on (so no full map is built).</summary>
    private static SourceSpan PositionOf(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < before.Length; i++)
        {
            var b = before[i];
            if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= before.Length || before[i + 1] != (byte)'\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        var column = Utf8PositionMap.Utf16Length(before[lineStart..]) + 1;
        return SourceSpan.Of(line, column, line, column + 1);
    }

    private static Finding TooLarge(long length, long limit) => FindingSink.Create(
        $"The file is {Texts.Count(length)} bytes, over the {Texts.Count(limit)}-byte safety limit; it was not checked.",
        SourceSpan.FileStart,
        JsonPointer.Root);

    private static LoadedDocument Failed(Finding finding) => new()
    {
        Documents = Array.Empty<DocNode>(),
        Findings = new[] { finding },
    };

    private static void Validate(LoadOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFileBytes, nameof(options.MaxFileBytes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxDepth, nameof(options.MaxDepth));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxNodes, nameof(options.MaxNodes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxAliasReferences, nameof(options.MaxAliasReferences));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxAliasExpandedNodes, nameof(options.MaxAliasExpandedNodes));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxFindings, nameof(options.MaxFindings));
    }
}
