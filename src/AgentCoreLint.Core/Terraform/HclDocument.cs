using AgentCoreLint.Core.Terraform.Hcl;
using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Terraform;

/// <summary>
/// A parsed HCL file (<c>.tf</c>, <c>.tfvars</c>) as the loader hands it to the input adapters: the syntax tree, not
/// yet a JSON-shaped tree, since what a Terraform expression means depends on the other files of its module
/// (variables, locals, <c>.tfvars</c>). <see cref="TerraformSourceAdapter"/> evaluates it.
/// </summary>
public sealed class HclDocument : DocNode
{
    /// <summary>Creates the document.</summary>
    /// <param name="file">The syntax tree.</param>
    public HclDocument(HclFile file)
        : base(file.Body.Span, JsonPointer.Root)
    {
        File = file;
    }

    /// <summary>The syntax tree.</summary>
    public HclFile File { get; }

    /// <inheritdoc />
    public override NodeKind Kind => NodeKind.Object;
}

/// <summary>Reads HCL text into an <see cref="HclDocument"/>; a syntax error is an ACL0001 finding at its position.</summary>
internal static class HclLoader
{
    /// <summary>True for the file names read as HCL native syntax.</summary>
    public static bool IsHclFileName(string fileName)
    {
        var extension = Path.GetExtension(fileName);
        return extension.Equals(".tf", StringComparison.OrdinalIgnoreCase) || extension.Equals(".tfvars", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">Decoded, valid UTF-16 text.</param>
    /// <param name="maxDepth">The nesting limit (<see cref="Loading.LoadOptions.MaxDepth"/>).</param>
    /// <param name="error">The syntax error, or null.</param>
    /// <returns>The document, or null on a syntax error.</returns>
    public static HclDocument? TryParse(string text, int maxDepth, out HclSyntaxException? error)
    {
        error = null;
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            error = new HclSyntaxException("The file holds NUL characters: it is binary, not HCL text.", PositionOfNul(text));
            return null;
        }

        try
        {
            return new HclDocument(HclParser.Parse(text, Math.Min(maxDepth, 256)));
        }
        catch (HclSyntaxException e)
        {
            error = e;
            return null;
        }
    }

    private static SourcePosition PositionOfNul(string text)
    {
        var offset = text.IndexOf('\0', StringComparison.Ordinal);
        var line = 1;
        var lineStart = 0;
        for (var k = 0; k < offset; k++)
        {
            if (text[k] == '\n')
            {
                line++;
                lineStart = k + 1;
            }
        }

        return new SourcePosition(line, offset - lineStart + 1);
    }
}
