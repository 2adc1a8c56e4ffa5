using AgentCoreLint.Core.Engine;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Output;

/// <summary>Result counts per level; suppressed results are counted apart and not per level, because they
/// do not count toward the exit code.</summary>
internal readonly record struct ReportCounts(int Errors, int Warnings, int Notes, int Suppressed)
{
    public static ReportCounts Of(IEnumerable<LintResult> results)
    {
        int errors = 0, warnings = 0, notes = 0, suppressed = 0;
        foreach (var result in results)
        {
            if (result.IsSuppressed)
            {
                suppressed++;
                continue;
            }

            switch (result.Finding.Level)
            {
                case FindingLevel.Error: errors++; break;
                case FindingLevel.Warning: warnings++; break;
                case FindingLevel.Note: notes++; break;
            }
        }

        return new ReportCounts(errors, warnings, notes, suppressed);
    }
}
