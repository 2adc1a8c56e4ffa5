using AgentCoreLint.Rules.Catalog;
using AgentCoreLint.Rules.Analysis;
using AgentCoreLint.Rules.Model;

namespace AgentCoreLint.Rules.Semantic;

/// <summary>
/// ACL2003: a bring-your-own file system (a <c>FilesystemConfiguration</c> member reached through an access point:
/// <c>s3FilesAccessPoint</c>, <c>efsAccessPoint</c>) while the network mode of the runtime or harness environment
/// that mounts it is known and is not <c>VPC</c>. Amazon EFS and S3 Files access points are reached through mount
/// targets in the customer's VPC, so the resource must run in that VPC.
/// </summary>
/// <remarks>
/// Source: AgentCore Runtime developer guide, "Bring-your-own file system … VPC required" (cited in the project's
/// mapping notes, section 2.3). Found by shape: a member of the <c>FilesystemConfiguration</c> union whose
/// structure has an <c>accessPointArn</c>; the network mode is read from the structure that holds the list
/// (the request, or <c>agentCoreRuntimeEnvironment</c>). When that structure has no network configuration the
/// mode is unknown here and nothing is reported. Reported at the access point member's key.
/// </remarks>
public sealed class FileSystemNeedsVpcRule() : SemanticRule(RuleIds.FileSystemNeedsVpc)
{
    /// <inheritdoc />
    public override void Analyze(RuleContext context)
    {
        var walk = context.Target.Walk;
        foreach (var visit in walk.Visits)
        {
            if (visit.Property is null || visit.Shape.Type != ShapeType.Structure || visit.Shape.FindMember("accessPointArn") is null ||
                !Nodes.IsPresent(visit.Node) || Nodes.IsUnknown(visit.Node) ||
                !walk.TryGetParent(visit, out var union) || union.Shape.Name != "FilesystemConfiguration" ||
                !walk.TryGetParent(union, out var list) || !walk.TryGetParent(list, out var owner) ||
                !NetworkConfigurations.TryGetOwnerMode(owner, out var mode, out _) || mode == NetworkConfigurations.VpcMode)
            {
                continue;
            }

            var ownerPath = walk.PathOf(owner);
            var where = ownerPath == "request" ? "networkConfiguration" : ownerPath + ".networkConfiguration";
            context.ReportAtKey(RuleIds.FileSystemNeedsVpc, visit.Property,
                $"{walk.PathOf(visit)} mounts a file system through an access point in your VPC, but {where}.networkMode is '{mode}': " +
                "set networkMode to 'VPC' with subnets and security groups that can reach the file system's mount targets, or use sessionStorage.");
        }
    }
}
