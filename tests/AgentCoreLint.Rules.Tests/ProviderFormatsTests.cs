using System.Reflection;
using AgentCoreLint.Rules.Secrets;

namespace AgentCoreLint.Rules.Tests;

public sealed class ProviderFormatsTests
{
    [Fact]
    public void Every_public_detector_id_is_a_table_row_or_a_name_based_detector()
    {
        var ids = typeof(SecretDetectors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet();
        var rows = ProviderFormats.All.Select(r => r.Id).ToHashSet();

        Assert.Subset(ids, rows);
        Assert.Equal(new[] { SecretDetectors.HighEntropySecret, SecretDetectors.SecretLikeName }.OrderBy(s => s), ids.Except(rows).OrderBy(s => s));
    }

    [Fact]
    public void Every_row_has_a_description_with_an_article_and_non_empty_prefixes()
    {
        Assert.All(ProviderFormats.All, row =>
        {
            Assert.Matches("^(a|an) ", row.Description);
            Assert.NotEmpty(row.Prefixes);
            Assert.All(row.Prefixes, p => Assert.NotEqual(string.Empty, p));
        });
    }
}
