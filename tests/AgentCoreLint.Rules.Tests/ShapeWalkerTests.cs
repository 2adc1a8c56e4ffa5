using AgentCoreLint.Rules.Documents;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;
using AgentCoreLint.Rules.Tests.Support;

namespace AgentCoreLint.Rules.Tests;

public sealed class ShapeWalkerTests
{
    private static ShapeWalk Walk(string operation, string json) => ShapeWalker.Walk(operation, TestJson.Parse(json).Root);

    [Fact]
    public void Visits_members_lists_and_maps_in_document_order_with_their_shapes()
    {
        var walk = Walk("CreateAgentRuntime", Requests.Runtime("""
            "environmentVariables": { "LOG_LEVEL": "info" },
            "filesystemConfigurations": [ { "sessionStorage": { "mountPath": "/mnt/data" } } ]
            """));

        Assert.Equal("CreateAgentRuntimeRequest", walk.Input!.Name);
        var root = walk.Visits[0];
        Assert.True(root.IsRoot);
        Assert.Equal("CreateAgentRuntimeRequest", root.Shape.Name);

        var names = walk.Visits.Select(v => v.Shape.Name).ToList();
        Assert.Equal(
            new[]
            {
                "CreateAgentRuntimeRequest", "AgentRuntimeName", "AgentRuntimeArtifact", "ContainerConfiguration", "RuntimeContainerUri",
                "RoleArn", "NetworkConfiguration", "NetworkMode", "EnvironmentVariablesMap", "EnvironmentVariableValue",
                "FilesystemConfigurations", "FilesystemConfiguration", "SessionStorageConfiguration", "MountPath",
            },
            names);

        var mount = walk.OfShape("MountPath").Single();
        Assert.Equal("filesystemConfigurations[0].sessionStorage.mountPath", walk.PathOf(mount));
        Assert.Equal("mountPath", mount.Member!.Name);
        Assert.Equal("/filesystemConfigurations/0/sessionStorage/mountPath", mount.Node.Pointer);

        var env = walk.OfShape("EnvironmentVariableValue").Single();
        Assert.True(env.IsMapEntry);
        Assert.Equal("LOG_LEVEL", env.Property!.Name);
        Assert.Equal("environmentVariables['LOG_LEVEL']", walk.PathOf(env));

        var item = walk.OfShape("FilesystemConfiguration").Single();
        Assert.Equal(0, item.ItemIndex);
        Assert.Null(item.Property);
        Assert.True(walk.TryGetParent(item, out var list));
        Assert.Equal("FilesystemConfigurations", list.Shape.Name);
    }

    [Fact]
    public void Finds_a_shape_wherever_an_operation_reuses_it()
    {
        var walk = Walk("CreateHarness", Requests.Harness("""
            "environment": {
              "agentCoreRuntimeEnvironment": {
                "networkConfiguration": { "networkMode": "PUBLIC" },
                "filesystemConfigurations": [ { "sessionStorage": { "mountPath": "/mnt/work" } } ]
              }
            }
            """));

        var mount = Assert.Single(walk.OfShape("MountPath"));
        Assert.Equal("environment.agentCoreRuntimeEnvironment.filesystemConfigurations[0].sessionStorage.mountPath", walk.PathOf(mount));
        Assert.Single(walk.OfShape("NetworkConfiguration"));
    }

    [Fact]
    public void Skips_unknown_members_unknown_values_and_document_shapes()
    {
        var walk = Walk("CreateAgentRuntime", Requests.Runtime("""
            "notAMember": { "mountPath": "/mnt/a/b" },
            "description": { "Fn::Sub": "agent in ${AWS::Region}" }
            """));

        Assert.DoesNotContain(walk.Visits, v => v.Property?.Name == "notAMember");
        var description = Assert.Single(walk.OfShape("Description"));
        Assert.Equal(NodeKind.Unknown, description.Node.Kind);
        Assert.DoesNotContain(walk.Visits, v => v.Node.Pointer.StartsWith("/description/", StringComparison.Ordinal));
    }

    [Fact]
    public void Visits_nodes_of_the_wrong_kind_without_descending()
    {
        var walk = Walk("CreateAgentRuntime", """
            { "filesystemConfigurations": { "sessionStorage": { "mountPath": "/mnt/x" } }, "environmentVariables": ["A"] }
            """);

        Assert.Equal(3, walk.Visits.Count);
        Assert.Empty(walk.OfShape("MountPath"));
    }

    [Fact]
    public void Unknown_operation_yields_an_empty_walk()
    {
        var walk = Walk("CreateTimeMachine", "{}");
        Assert.Null(walk.Input);
        Assert.Empty(walk.Visits);
    }

    [Fact]
    public void Recursive_shapes_and_deep_nesting_do_not_overflow_the_stack()
    {
        // SchemaDefinition is recursive (items → SchemaDefinition); 20,000 levels would overflow a recursive walker.
        const int depth = 20_000;
        var root = BuildDeep(depth);
        var walk = ShapeWalker.Walk("CreateGatewayTarget", root);
        Assert.True(walk.Visits.Count > depth);
    }

    [Fact]
    public void Walk_of_a_target_is_cached_and_shared()
    {
        var root = (ObjectNode)TestJson.Parse(Requests.Runtime()).Root;
        var target = new LintTarget("CreateAgentRuntime", root, root.Span);
        Assert.Same(target.Walk, target.Walk);
    }

    // Builds the deep tree directly: the test JSON parser is recursive and would itself overflow.
    private static ObjectNode BuildDeep(int depth)
    {
        var span = SourceSpan.FileStart;
        DocNode schema = Obj(("type", Str("string")));
        for (var i = 0; i < depth; i++)
        {
            schema = Obj(("type", Str("array")), ("items", schema));
        }

        var tool = Obj(("name", Str("t")), ("description", Str("d")), ("inputSchema", schema));
        var payload = new ArrayNode(span, "", new DocNode[] { tool });
        var lambda = Obj(("lambdaArn", Str("arn:aws:lambda:us-east-1:123456789012:function:f")), ("toolSchema", Obj(("inlinePayload", payload))));
        var target = Obj(("mcp", Obj(("lambda", lambda))));
        return Obj(("name", Str("gw")), ("targetConfiguration", target));

        static ScalarNode Str(string s) => new(SourceSpan.FileStart, "", NodeKind.String, s);

        static ObjectNode Obj(params (string Name, DocNode Value)[] members) =>
            new(SourceSpan.FileStart, "", members.Select(m => new PropertyNode(m.Name, SourceSpan.FileStart, m.Value)));
    }
}
