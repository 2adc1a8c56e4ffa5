using AgentCoreLint.SchemaGen.Generation;

namespace AgentCoreLint.SchemaGen.Tests;

/// <summary>The committed schemas/api files are exactly what the generator produces from the vendored model.</summary>
public sealed class DriftTests
{
    [Fact]
    public void Committed_api_schemas_match_the_generator_output()
    {
        var report = GeneratedFiles.Check(TestRepo.Root, [new OperationSchemaFiles()]);

        Assert.True(report.Drifts.Count == 0,
            "Drifted (run `dotnet run --project src/AgentCoreLint.SchemaGen` and commit): "
            + string.Join(", ", report.Drifts.Select(d => $"{d.RelativePath} ({d.Kind})")));
    }

    [Fact]
    public void Committed_shape_table_and_rule_catalog_match_the_generator_output()
    {
        var report = GeneratedFiles.Check(TestRepo.Root, [new ApiModelGenerator(), new CatalogGenerator()]);

        Assert.True(report.Drifts.Count == 0,
            "Drifted (run `dotnet run --project src/AgentCoreLint.SchemaGen` and commit): "
            + string.Join(", ", report.Drifts.Select(d => $"{d.RelativePath} ({d.Kind})")));
    }

    [Fact]
    public void One_schema_file_per_operation_with_input()
    {
        var withInput = TestRepo.Model.Operations.Where(o => o.InputShape is not null).Select(o => o.Name).Order(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(RepoPaths.Combine(TestRepo.Root, RepoPaths.ApiSchemas))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);

        Assert.Equal(withInput.Select(n => n + ".json"), files);
        Assert.Equal(136, TestRepo.Schemas.Count);
    }

    [Fact]
    public void Vendored_model_is_the_botocore_file_byte_for_byte()
    {
        var bytes = File.ReadAllBytes(RepoPaths.Combine(TestRepo.Root, RepoPaths.ServiceModel));

        Assert.Equal("310f28068a9071da20945ca343da75435905bc3d85fa1252e26d232d41f45cb5",
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }
}
