using AgentCoreLint.SchemaGen;

// Regenerates everything derived from vendored data; `--verify` writes nothing and exits 1 on drift (for CI).
var verify = args.Contains("--verify");
var rootIndex = Array.IndexOf(args, "--root");
var root = rootIndex >= 0 && rootIndex + 1 < args.Length ? Path.GetFullPath(args[rootIndex + 1]) : RepoRoot.Find(Directory.GetCurrentDirectory());

IGenerator[] generators = [new ApiModelGenerator(), new CatalogGenerator()];
var drifted = Generation.Run(root, generators, verify);
foreach (var file in drifted)
{
    Console.WriteLine(verify ? $"drift: {file}" : $"wrote: {file}");
}

if (verify && drifted.Count > 0)
{
    Console.Error.WriteLine($"{drifted.Count} generated file(s) differ from their sources; run `dotnet run --project src/AgentCoreLint.SchemaGen`.");
    return 1;
}

return 0;
