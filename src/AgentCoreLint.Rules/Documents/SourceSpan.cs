namespace AgentCoreLint.Rules.Documents;

/// <summary>
/// A position in a source file: 1-based <see cref="Line"/> and 1-based <see cref="Column"/>, the column
/// counted in UTF-16 code units (SARIF's default <c>columnKind</c>, <c>utf16CodeUnits</c>).
/// </summary>
/// <param name="Line">1-based line number; lines end at LF, CRLF or CR.</param>
/// <param name="Column">1-based column in UTF-16 code units.</param>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>The first character of a file (1, 1).</summary>
    public static SourcePosition Start => new(1, 1);

    /// <inheritdoc />
    public override string ToString() => $"{Line},{Column}";
}

/// <summary>
/// A region of a source file. <see cref="End"/> is exclusive: it is the position just after the last
/// character of the region, as SARIF's <c>endColumn</c> is. An empty region has <c>Start == End</c>.
/// </summary>
/// <param name="Start">The first character of the region.</param>
/// <param name="End">The position after the last character (exclusive).</param>
public readonly record struct SourceSpan(SourcePosition Start, SourcePosition End)
{
    /// <summary>A span for inputs with no position (e.g. a whole file that could not be read).</summary>
    public static SourceSpan FileStart => new(SourcePosition.Start, SourcePosition.Start);

    /// <summary>Builds a span from 1-based numbers.</summary>
    public static SourceSpan Of(int startLine, int startColumn, int endLine, int endColumn) =>
        new(new SourcePosition(startLine, startColumn), new SourcePosition(endLine, endColumn));

    /// <summary>The first character of the region: findings about a whole object or document point at its opening
    /// line rather than marking every line of it.</summary>
    public SourceSpan Head => new(Start, new SourcePosition(Start.Line, Start.Column + 1));

    /// <inheritdoc />
    public override string ToString() => $"({Start})-({End})";
}
