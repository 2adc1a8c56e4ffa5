using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Findings;
using Microsoft.CodeAnalysis;

namespace AgentCoreLint.Analyzers;

/// <summary>One <see cref="DiagnosticDescriptor"/> per rule of the catalog: the CLI's id, title, description,
/// category, default level and help link. The message is the finding's own text.</summary>
internal static class Descriptors
{
    /// <summary>Where the rule docs are published; the same address the CLI's SARIF output gives as <c>helpUri</c>.</summary>
    public const string InformationUri = RuleCatalog.InformationUri;

    private static readonly Dictionary<string, DiagnosticDescriptor> ById =
        RuleCatalog.All.ToDictionary(rule => rule.Id, Create);

    /// <summary>Every descriptor, ordered by rule id.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        RuleCatalog.All.Select(rule => ById[rule.Id]).ToImmutableArray();

    /// <summary>The descriptor of a rule id.</summary>
    /// <exception cref="KeyNotFoundException">The id is not in the catalog.</exception>
    public static DiagnosticDescriptor Get(string ruleId) => ById[ruleId];

    /// <summary>The Roslyn severity of a catalog level. <c>none</c> is a rule that is off unless enabled.</summary>
    public static DiagnosticSeverity SeverityOf(FindingLevel level) => level switch
    {
        FindingLevel.Error => DiagnosticSeverity.Error,
        FindingLevel.Warning => DiagnosticSeverity.Warning,
        FindingLevel.Note => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    /// <summary>The rule's doc beside its YAML declaration.</summary>
    public static string HelpLink(RuleDescriptor rule) => rule.HelpUri;

    // The ids are data (rules/*.yaml, compiled into the catalog), not constants in this assembly: the release
    // history of every id is kept once, for the CLI and the analyzer alike, in the catalog's rule files.
#pragma warning disable RS2008
    private static DiagnosticDescriptor Create(RuleDescriptor rule) => new(
        rule.Id,
        rule.Title,
        "{0}",
        rule.Category,
        SeverityOf(rule.DefaultLevel),
        isEnabledByDefault: rule.DefaultLevel != FindingLevel.None,
        description: rule.Description,
        helpLinkUri: HelpLink(rule),
        customTags: rule.Tags.ToArray());
#pragma warning restore RS2008
}
