using System.Globalization;
using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Findings;

namespace AgentCoreLint.Core.Loading;

/// <summary>Collects a file's ACL0001 findings, up to <see cref="LoadOptions.MaxFindings"/>.</summary>
internal sealed class FindingSink
{
    internal const string RuleId = Rules.Catalog.RuleIds.ParseError;

    private readonly List<Finding> _findings = new();
    private readonly int _max;
    private int _omitted;
    private SourceSpan _lastSpan;
    private string _lastPointer = JsonPointer.Root;

    public FindingSink(int max)
    {
        _max = max;
    }

    /// <summary>The catalog's level for ACL0001, read once.</summary>
    public static FindingLevel Level { get; } = RuleCatalog.Get(RuleId).DefaultLevel;

    public static Finding Create(string message, SourceSpan span, string pointer) => new()
    {
        RuleId = RuleId,
        Level = Level,
        Message = message,
        Span = span,
        Pointer = pointer,
    };

    public void Add(string message, SourceSpan span, string pointer)
    {
        if (_findings.Count >= _max)
        {
            _omitted++;
            _lastSpan = span;
            _lastPointer = pointer;
            return;
        }

        _findings.Add(Create(message, span, pointer));
    }

    public IReadOnlyList<Finding> ToList()
    {
        if (_omitted == 0)
        {
            return _findings;
        }

        var all = new List<Finding>(_findings)
        {
            Create(
                $"{Texts.Count(_omitted)} more parse problems in this file are not reported (limit {Texts.Count(_max)}).",
                _lastSpan,
                _lastPointer),
        };
        return all;
    }
}

/// <summary>Thrown inside a loader when a safety limit is exceeded; the loader turns it into the file's only finding.</summary>
internal sealed class LoadLimitException : Exception
{
    public LoadLimitException(string message, SourceSpan span, string pointer)
        : base(message)
    {
        Span = span;
        Pointer = pointer;
    }

    public SourceSpan Span { get; }

    public string Pointer { get; }
}

/// <summary>Counts the values a file produces against <see cref="LoadOptions.MaxNodes"/>.</summary>
internal sealed class NodeBudget
{
    private readonly int _max;
    private int _count;

    public NodeBudget(int max)
    {
        _max = max;
    }

    public void Add(SourceSpan at, string pointer)
    {
        if (++_count > _max)
        {
            throw new LoadLimitException(
                $"The file has more than {Texts.Count(_max)} values, the safety limit; it was not checked.", at, pointer);
        }
    }
}

/// <summary>
/// The members of an object under construction. Keeps one member per name: a repeated name replaces the earlier
/// member's key and value in its place (first position, last value, as Python's <c>json</c> module, and so the AWS CLI,
/// reads it). Names are found in O(1) once the object is larger than a linear scan is worth, so hostile files with
/// many repeated keys stay linear.
/// </summary>
internal sealed class MemberList
{
    private const int ScanLimit = 8;
    private readonly List<PropertyNode> _items = new();
    private Dictionary<string, int>? _index;

    public List<PropertyNode> Items => _items;

    public int Count => _items.Count;

    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Adds a member, or replaces the member of the same name.</summary>
    public void Add(PropertyNode property)
    {
        var existing = IndexOf(property.Name);
        if (existing >= 0)
        {
            _items[existing] = property;
            return;
        }

        _items.Add(property);
        if (_index is not null)
        {
            _index.Add(property.Name, _items.Count - 1);
        }
        else if (_items.Count > ScanLimit)
        {
            _index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < _items.Count; i++)
            {
                _index.Add(_items[i].Name, i);
            }
        }
    }

    public void Clear()
    {
        _items.Clear();
        _index = null;
    }

    private int IndexOf(string name)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(name, out var found) ? found : -1;
        }

        for (var i = 0; i < _items.Count; i++)
        {
            if (string.Equals(_items[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>Message fragments. Messages name keys and limits but never quote values (they may be secrets).</summary>
internal static class Texts
{
    private const int MaxNameLength = 64;

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A key or anchor name for a message, shortened so a pathological key cannot flood the output.</summary>
    public static string Name(string name)
    {
        var shown = name.Length <= MaxNameLength ? name : string.Concat(name.AsSpan(0, MaxNameLength), "…");
        return "'" + shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "'";
    }

    public static string DepthExceeded(int max) =>
        $"The file nests objects and lists more than {Count(max)} levels deep, the safety limit; it was not checked.";
}
