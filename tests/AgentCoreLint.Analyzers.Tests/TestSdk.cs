using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace AgentCoreLint.Analyzers.Tests;

/// <summary>
/// What test compilations reference: the installed SDK's reference pack (nothing is downloaded at test time), the
/// real AWSSDK.Core, and the SDK stand-ins of <c>StandIns/</c> compiled into an assembly of their own.
/// </summary>
internal static class TestSdk
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(LoadFramework);
    private static readonly Lazy<MetadataReference> LazyStandIns = new(CompileStandIns);

    /// <summary>An empty reference set for the testing library: the framework comes from <see cref="References"/>.</summary>
    public static ReferenceAssemblies NoPackages { get; } = new("net10.0");

    /// <summary>Framework, AWSSDK.Core and the SDK stand-ins.</summary>
    public static IEnumerable<MetadataReference> References =>
        LazyFramework.Value.Add(AwsSdkCore).Add(LazyStandIns.Value);

    private static MetadataReference AwsSdkCore { get; } =
        MetadataReference.CreateFromFile(typeof(Amazon.Runtime.ConstantClass).Assembly.Location);

    /// <summary>The reference pack of the running runtime's major version, beside the <c>dotnet</c> that runs the tests.</summary>
    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // …/shared/Microsoft.NETCore.App/10.0.x
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var major = Environment.Version.Major;
        var pack = Directory.Exists(packs)
            ? Directory.GetDirectories(packs, $"{major}.*").OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        var refDirectory = pack is null ? null : Path.Combine(pack, "ref", $"net{major}.0");
        var directory = refDirectory is not null && Directory.Exists(refDirectory) ? refDirectory : runtimeDirectory;
        return Directory.GetFiles(directory, "*.dll")
            .Where(IsManagedAssembly)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    private static MetadataReference CompileStandIns()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "StandIns");
        var trees = Directory.GetFiles(directory, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f));
        var compilation = CSharpCompilation.Create("AWSSDK.BedrockAgentCoreControl", trees, LazyFramework.Value.Add(AwsSdkCore),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException("The SDK stand-ins do not compile: " +
                string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
