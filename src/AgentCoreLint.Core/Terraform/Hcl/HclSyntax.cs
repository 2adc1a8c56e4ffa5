using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Terraform.Hcl;

/// <summary>A parsed HCL native-syntax file (or a <c>.tfvars</c> file): its top-level body.</summary>
/// <param name="Body">The attributes and blocks in file order.</param>
public sealed record HclFile(HclBody Body);

/// <summary>A body: attributes and blocks in file order.</summary>
/// <param name="Items">Attributes and blocks as written.</param>
/// <param name="Span">From the first to the last character of the body (the braces of a block body included).</param>
public sealed record HclBody(IReadOnlyList<HclBodyItem> Items, SourceSpan Span)
{
    /// <summary>The attributes, in file order.</summary>
    public IEnumerable<HclAttribute> Attributes => Items.OfType<HclAttribute>();

    /// <summary>The blocks, in file order.</summary>
    public IEnumerable<HclBlock> Blocks => Items.OfType<HclBlock>();

    /// <summary>The attribute named <paramref name="name"/> (the last one when repeated), or null.</summary>
    public HclAttribute? Attribute(string name) => Attributes.LastOrDefault(a => a.Name == name);
}

/// <summary>An attribute or a block.</summary>
public abstract record HclBodyItem;

/// <summary><c>name = expression</c>.</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="NameSpan">Where the name is written.</param>
/// <param name="Value">The expression.</param>
public sealed record HclAttribute(string Name, SourceSpan NameSpan, HclExpression Value) : HclBodyItem;

/// <summary><c>type "label" … { body }</c>.</summary>
/// <param name="Type">The block type, e.g. <c>resource</c>.</param>
/// <param name="TypeSpan">Where the type is written.</param>
/// <param name="Labels">The labels (quoted or bare), unescaped, with where each is written.</param>
/// <param name="Body">The block's body.</param>
public sealed record HclBlock(string Type, SourceSpan TypeSpan, IReadOnlyList<HclLabel> Labels, HclBody Body) : HclBodyItem;

/// <summary>A block label.</summary>
/// <param name="Value">The label text, unescaped.</param>
/// <param name="Span">Where it is written (quotes included).</param>
public sealed record HclLabel(string Value, SourceSpan Span);

/// <summary>An expression; every one knows where it is written.</summary>
public abstract record HclExpression(SourceSpan Span);

/// <summary>The kinds of <see cref="HclLiteral"/>.</summary>
public enum HclLiteralKind
{
    /// <summary>A number; <see cref="HclLiteral.Text"/> is its lexical form.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Bool,

    /// <summary><c>null</c>.</summary>
    Null,
}

/// <summary>A number, <c>true</c>/<c>false</c> or <c>null</c>.</summary>
public sealed record HclLiteral(SourceSpan Span, HclLiteralKind Kind, string Text) : HclExpression(Span);

/// <summary>A quoted string or heredoc: literal parts, interpolations (<c>${…}</c>) and directives (<c>%{…}</c>).
/// A template of one literal part is a plain string.</summary>
/// <param name="Span">Where it is written (quotes or heredoc markers included).</param>
/// <param name="Parts">The parts in order.</param>
/// <param name="IsHeredoc">True for <c>&lt;&lt;EOT</c> / <c>&lt;&lt;-EOT</c> heredocs.</param>
public sealed record HclTemplate(SourceSpan Span, IReadOnlyList<HclTemplatePart> Parts, bool IsHeredoc) : HclExpression(Span)
{
    /// <summary>The text when every part is literal, else null.</summary>
    public string? LiteralText => Parts.All(p => p is HclTemplateText) ? string.Concat(Parts.Cast<HclTemplateText>().Select(p => p.Text)) : null;
}

/// <summary>A part of a template.</summary>
public abstract record HclTemplatePart(SourceSpan Span);

/// <summary>Literal text (escapes applied; for <c>&lt;&lt;-</c> heredocs, indentation removed).</summary>
public sealed record HclTemplateText(SourceSpan Span, string Text) : HclTemplatePart(Span);

/// <summary><c>${ expression }</c>.</summary>
public sealed record HclTemplateInterpolation(SourceSpan Span, HclExpression Expression) : HclTemplatePart(Span);

/// <summary><c>%{ if cond }…%{ else }…%{ endif }</c>.</summary>
public sealed record HclTemplateIf(SourceSpan Span, HclExpression Condition, IReadOnlyList<HclTemplatePart> Then, IReadOnlyList<HclTemplatePart> Else) : HclTemplatePart(Span);

/// <summary><c>%{ for k, v in coll }…%{ endfor }</c>.</summary>
public sealed record HclTemplateFor(SourceSpan Span, string? KeyVariable, string ValueVariable, HclExpression Collection, IReadOnlyList<HclTemplatePart> Body) : HclTemplatePart(Span);

/// <summary>A root variable: <c>var</c>, <c>local</c>, <c>each</c>, a resource type …</summary>
public sealed record HclVariable(SourceSpan Span, string Name) : HclExpression(Span);

/// <summary><c>source.name</c>.</summary>
public sealed record HclGetAttr(SourceSpan Span, HclExpression Source, string Name) : HclExpression(Span);

/// <summary><c>source[key]</c>, or the legacy <c>source.0</c>.</summary>
public sealed record HclIndex(SourceSpan Span, HclExpression Source, HclExpression Key) : HclExpression(Span);

/// <summary><c>source.*.attr</c> or <c>source[*].attr[0]</c>: <see cref="Each"/> applies to every element, written
/// against <see cref="HclSplatItem"/>.</summary>
public sealed record HclSplat(SourceSpan Span, HclExpression Source, HclExpression Each, bool IsFull) : HclExpression(Span);

/// <summary>The element a splat's traversal applies to.</summary>
public sealed record HclSplatItem(SourceSpan Span) : HclExpression(Span);

/// <summary><c>name(args…)</c>, with <c>...</c> after the last argument when <see cref="ExpandFinal"/>; provider functions
/// keep their <c>provider::…::</c> name.</summary>
public sealed record HclFunctionCall(SourceSpan Span, string Name, IReadOnlyList<HclExpression> Arguments, bool ExpandFinal) : HclExpression(Span);

/// <summary><c>[a, b]</c>.</summary>
public sealed record HclTuple(SourceSpan Span, IReadOnlyList<HclExpression> Items) : HclExpression(Span);

/// <summary>One item of an object constructor. A bare identifier key is the string it spells (<see cref="KeyIsBareWord"/>).</summary>
public sealed record HclObjectItem(HclExpression Key, bool KeyIsBareWord, HclExpression Value);

/// <summary><c>{ key = value, … }</c>.</summary>
public sealed record HclObject(SourceSpan Span, IReadOnlyList<HclObjectItem> Items) : HclExpression(Span);

/// <summary><c>cond ? a : b</c>.</summary>
public sealed record HclConditional(SourceSpan Span, HclExpression Condition, HclExpression True, HclExpression False) : HclExpression(Span);

/// <summary>A binary operation (<c>||</c>, <c>&amp;&amp;</c>, <c>==</c>, <c>+</c> …).</summary>
public sealed record HclBinary(SourceSpan Span, string Operator, HclExpression Left, HclExpression Right) : HclExpression(Span);

/// <summary><c>!x</c> or <c>-x</c>.</summary>
public sealed record HclUnary(SourceSpan Span, string Operator, HclExpression Operand) : HclExpression(Span);

/// <summary><c>( expression )</c>.</summary>
public sealed record HclParenthesis(SourceSpan Span, HclExpression Inner) : HclExpression(Span);

/// <summary><c>[for k, v in coll : value if cond]</c> or <c>{for k, v in coll : key => value... if cond}</c>.</summary>
public sealed record HclFor(SourceSpan Span, string? KeyVariable, string ValueVariable, HclExpression Collection, HclExpression? KeyExpression,
    HclExpression Value, bool Grouping, HclExpression? Condition) : HclExpression(Span);
