using AgentCoreLint.SchemaGen.Generation;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>The write and verify cycle of the SchemaGen command, on a throw-away repository.</summary>
public sealed class GeneratorCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("schemagen-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public GeneratorCommandTests()
    {
        File.WriteAllText(Path.Combine(_root, RepoPaths.SolutionFile), "");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Write_creates_files_and_verify_then_passes()
    {
        Assert.Equal(GeneratorCommand.Success, Run("--root", _root));
        Assert.Equal("a\n", File.ReadAllText(Path.Combine(_root, "out", "a.txt")));
        Assert.Equal("b\n", File.ReadAllText(Path.Combine(_root, "out", "sub", "b.txt")));
        Assert.Equal("single\n", File.ReadAllText(Path.Combine(_root, "single.txt")));
        Assert.Contains("created: out/a.txt", _output.ToString());

        Assert.Equal(GeneratorCommand.Success, Run("--root", _root, "--verify"));
        Assert.EndsWith("3 generated files are up to date.\n", _output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Verify_reports_every_drifted_file_and_writes_nothing()
    {
        Run("--root", _root);
        File.WriteAllText(Path.Combine(_root, "out", "a.txt"), "edited by hand\n");
        File.Delete(Path.Combine(_root, "single.txt"));
        File.WriteAllText(Path.Combine(_root, "out", "old.txt"), "no longer generated\n");
        _output.GetStringBuilder().Clear();

        Assert.Equal(GeneratorCommand.Drift, Run("--root", _root, "--verify"));

        var lines = _output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["drift: out/a.txt (differs)", "drift: out/old.txt (stale)", "drift: single.txt (missing)"], lines[..3]);
        Assert.Equal("edited by hand\n", File.ReadAllText(Path.Combine(_root, "out", "a.txt")));
        Assert.True(File.Exists(Path.Combine(_root, "out", "old.txt")));
    }

    [Fact]
    public void Write_deletes_stale_files_in_owned_folders_only()
    {
        Directory.CreateDirectory(Path.Combine(_root, "out", "sub"));
        File.WriteAllText(Path.Combine(_root, "out", "sub", "old.txt"), "stale\n");
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not generated, not owned\n");

        Assert.Equal(GeneratorCommand.Success, Run("--root", _root));

        Assert.False(File.Exists(Path.Combine(_root, "out", "sub", "old.txt")));
        Assert.True(File.Exists(Path.Combine(_root, "notes.txt")));
        Assert.Contains("deleted: out/sub/old.txt", _output.ToString());
    }

    [Fact]
    public void Files_are_written_as_utf8_without_bom_and_unchanged_files_are_left_alone()
    {
        Run("--root", _root);
        var path = Path.Combine(_root, "out", "a.txt");
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);

        Assert.Equal(GeneratorCommand.Success, Run("--root", _root));

        Assert.Equal("a\n"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Root_is_found_by_walking_up_to_the_solution_file()
    {
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "deep")).FullName;

        Assert.Equal(GeneratorCommand.Success, GeneratorCommand.Run([], [new FakeGenerator()], _output, _error, nested));
        Assert.True(File.Exists(Path.Combine(_root, "out", "a.txt")));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--root")]
    public void Bad_arguments_fail_with_usage(string argument)
    {
        Assert.Equal(GeneratorCommand.Failure, Run(argument));
        Assert.Contains(GeneratorCommand.Usage, _error.ToString());
    }

    [Fact]
    public void Missing_repository_root_fails()
    {
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;

        Assert.Equal(GeneratorCommand.Failure, Run("--root", elsewhere));
        Assert.Contains("cannot find the repository root", _error.ToString());
    }

    [Fact]
    public void Unreadable_input_fails_without_a_stack_trace()
    {
        // The temporary repository has no vendored model.
        Assert.Equal(GeneratorCommand.Failure, GeneratorCommand.Run(["--root", _root], [new OperationSchemaFiles()], _output, _error, _root));
        Assert.StartsWith("generation failed:", _error.ToString());
    }

    [Fact]
    public void Two_generators_writing_one_path_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => GeneratedFiles.Check(_root, [new FakeGenerator(), new FakeGenerator()]));
    }

    [Fact]
    public void Generators_own_no_folder_unless_they_say_so()
    {
        IGenerator plain = new SingleFileGenerator();

        Assert.Empty(plain.OwnedDirectories);
    }

    private int Run(params string[] args) =>
        GeneratorCommand.Run(args, [new FakeGenerator(), new SingleFileGenerator()], _output, _error, _root);

    private sealed class FakeGenerator : IGenerator
    {
        public IReadOnlyList<string> OwnedDirectories => ["out"];

        public IEnumerable<GeneratedFile> Generate(string repoRoot) =>
            [new GeneratedFile("out/a.txt", "a\n"), new GeneratedFile("out/sub/b.txt", "b\n")];
    }

    private sealed class SingleFileGenerator : IGenerator
    {
        public IEnumerable<GeneratedFile> Generate(string repoRoot) => [new GeneratedFile("single.txt", "single\n")];
    }
}
