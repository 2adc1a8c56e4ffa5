using NJsonSchema.Validation;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>A validation error reduced to what the tests compare.</summary>
internal sealed record ErrorAt(ValidationErrorKind Kind, string Path)
{
    public override string ToString() => $"{Kind} at {Path}";
}

internal static class ValidationErrors
{
    /// <summary>
    /// The leaves of NJsonSchema's error tree. Errors about a child (an array item, a map value) wrap the child's own
    /// errors; the leaves say what is wrong, which is what a linter reports.
    /// </summary>
    public static IReadOnlyList<ErrorAt> Leaves(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(LeavesOf).OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Kind).ToList();

    private static IEnumerable<ErrorAt> LeavesOf(ValidationError error) =>
        error is ChildSchemaValidationError child && child.Errors.Values.Any(e => e.Count > 0)
            ? child.Errors.Values.SelectMany(e => e).SelectMany(LeavesOf)
            : [new ErrorAt(error.Kind, error.Path ?? "")];
}
