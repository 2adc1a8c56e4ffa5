using AgentCoreLint.Rules.Documents;

namespace AgentCoreLint.Core.Iac;

/// <summary>
/// Combines a resource's planned values with the plan's unknown and sensitive markers into one tree, following the
/// value encoding of <c>terraform show -json</c> (Terraform's <c>internal/command/jsonplan</c>: <c>omitUnknowns</c>,
/// <c>unknownAsBool</c>, <c>SensitiveAsBool</c>):
/// <list type="bullet">
/// <item><c>after_unknown</c> mirrors <c>after</c>: <c>true</c> marks a value known only after apply (an unknown object
/// attribute is omitted from <c>after</c>, an unknown list element is <c>null</c> there). Such values become
/// <see cref="UnknownNode"/>s located at the marker.</item>
/// <item><c>after_sensitive</c> mirrors it too: <c>true</c> marks a sensitive value, or a wholly sensitive collection.
/// Sensitive values stay in the tree with <see cref="DocNode.IsSensitive"/> set, so rules can judge them without ever
/// printing them (plans hold them in plain text).</item>
/// </list>
/// Every node keeps its span and pointer in the plan file. Never throws; nesting beyond <see cref="MaxDepth"/> is unknown.
/// </summary>
internal static class TerraformValues
{
    private const int MaxDepth = 128;

    /// <summary>Builds the combined tree.</summary>
    /// <param name="after">The planned value (<c>change.after</c> or a module resource's <c>values</c>).</param>
    /// <param name="unknown">The matching <c>after_unknown</c>, or null.</param>
    /// <param name="sensitive">The matching <c>after_sensitive</c> / <c>sensitive_values</c>, or null.</param>
    public static DocNode Build(DocNode after, DocNode? unknown, DocNode? sensitive) => Build(after, unknown, sensitive, false, 0);

    private static DocNode Build(DocNode after, DocNode? unknown, DocNode? sensitive, bool allSensitive, int depth)
    {
        var isSensitive = allSensitive || IsTrue(sensitive);
        if (IsTrue(unknown))
        {
            return new UnknownNode(after.Span, after.Pointer, "known after apply", after) { IsSensitive = isSensitive };
        }

        if (depth > MaxDepth)
        {
            return new UnknownNode(after.Span, after.Pointer, "a value nested too deeply to evaluate", after) { IsSensitive = isSensitive };
        }

        switch (after)
        {
            case ObjectNode obj:
            {
                var properties = new List<PropertyNode>(obj.Properties.Count);
                foreach (var property in obj.Properties)
                {
                    var childUnknown = (unknown as ObjectNode)?[property.Name];
                    var childSensitive = (sensitive as ObjectNode)?[property.Name];
                    properties.Add(new PropertyNode(property.Name, property.KeySpan, Build(property.Value, childUnknown, childSensitive, isSensitive, depth + 1)));
                }

                // Unknown object attributes are omitted from the planned value; the marker is all that is written.
                if (unknown is ObjectNode markers)
                {
                    foreach (var marker in markers.Properties)
                    {
                        if (IsTrue(marker.Value) && obj.Find(marker.Name) is null)
                        {
                            var markedSensitive = isSensitive || IsTrue((sensitive as ObjectNode)?[marker.Name]);
                            properties.Add(new PropertyNode(marker.Name, marker.KeySpan,
                                new UnknownNode(marker.Value.Span, marker.Value.Pointer, "known after apply") { IsSensitive = markedSensitive }));
                        }
                    }
                }

                return new ObjectNode(obj.Span, obj.Pointer, properties) { IsSensitive = isSensitive };
            }

            case ArrayNode array:
            {
                var items = new List<DocNode>(array.Items.Count);
                for (var i = 0; i < array.Items.Count; i++)
                {
                    var itemUnknown = unknown is ArrayNode u && i < u.Items.Count ? u.Items[i] : null;
                    var itemSensitive = sensitive is ArrayNode s && i < s.Items.Count ? s.Items[i] : null;
                    items.Add(Build(array.Items[i], itemUnknown, itemSensitive, isSensitive, depth + 1));
                }

                return new ArrayNode(array.Span, array.Pointer, items) { IsSensitive = isSensitive };
            }

            case ScalarNode scalar when isSensitive && !scalar.IsSensitive:
                return new ScalarNode(scalar.Span, scalar.Pointer, scalar.Kind, scalar.Text) { IsSensitive = true };

            default:
                return after;
        }
    }

    private static bool IsTrue(DocNode? node) => node is ScalarNode { Kind: NodeKind.Boolean } b && b.AsBoolean == true;
}
