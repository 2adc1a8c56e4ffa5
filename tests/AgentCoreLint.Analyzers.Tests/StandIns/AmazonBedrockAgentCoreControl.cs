// Stand-ins for the AWSSDK.BedrockAgentCoreControl surface (not served here), mirroring
// shared/reference/aws-sdk-net/SHAPES.md: same namespaces, class and property names and types, nullable value
// types, ConstantClass enums from the real AWSSDK.Core. Compiled at test time into a separate assembly, so the
// analyzer sees them as metadata, as it sees the real SDK. Only the members the tests use are declared.
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.BedrockAgentCoreControl.Model;
using Amazon.Runtime;

namespace Amazon.BedrockAgentCoreControl
{
    public partial class AmazonBedrockAgentCoreControlRequest : AmazonWebServiceRequest { }

    public class NetworkMode : ConstantClass
    {
        public static readonly NetworkMode PUBLIC = new NetworkMode("PUBLIC");
        public static readonly NetworkMode VPC = new NetworkMode("VPC");
        public NetworkMode(string value) : base(value) { }
        public static NetworkMode FindValue(string value) => FindValue<NetworkMode>(value);
        public static implicit operator NetworkMode(string value) => FindValue(value);
    }

    public class BrowserNetworkMode : ConstantClass
    {
        public static readonly BrowserNetworkMode PUBLIC = new BrowserNetworkMode("PUBLIC");
        public static readonly BrowserNetworkMode VPC = new BrowserNetworkMode("VPC");
        public BrowserNetworkMode(string value) : base(value) { }
        public static BrowserNetworkMode FindValue(string value) => FindValue<BrowserNetworkMode>(value);
        public static implicit operator BrowserNetworkMode(string value) => FindValue(value);
    }

    public class ServerProtocol : ConstantClass
    {
        public static readonly ServerProtocol A2A = new ServerProtocol("A2A");
        public static readonly ServerProtocol HTTP = new ServerProtocol("HTTP");
        public static readonly ServerProtocol MCP = new ServerProtocol("MCP");
        public ServerProtocol(string value) : base(value) { }
        public static ServerProtocol FindValue(string value) => FindValue<ServerProtocol>(value);
        public static implicit operator ServerProtocol(string value) => FindValue(value);
    }

    public class AgentManagedRuntimeType : ConstantClass
    {
        public static readonly AgentManagedRuntimeType PYTHON_3_12 = new AgentManagedRuntimeType("PYTHON_3_12");
        public AgentManagedRuntimeType(string value) : base(value) { }
        public static AgentManagedRuntimeType FindValue(string value) => FindValue<AgentManagedRuntimeType>(value);
        public static implicit operator AgentManagedRuntimeType(string value) => FindValue(value);
    }

    public class HarnessToolType : ConstantClass
    {
        public static readonly HarnessToolType Agentcore_browser = new HarnessToolType("agentcore_browser");
        public static readonly HarnessToolType Remote_mcp = new HarnessToolType("remote_mcp");
        public HarnessToolType(string value) : base(value) { }
        public static HarnessToolType FindValue(string value) => FindValue<HarnessToolType>(value);
        public static implicit operator HarnessToolType(string value) => FindValue(value);
    }

    public partial interface IAmazonBedrockAgentCoreControl : System.IDisposable
    {
        Task<CreateAgentRuntimeResponse> CreateAgentRuntimeAsync(CreateAgentRuntimeRequest request, CancellationToken cancellationToken = default);
        Task<UpdateAgentRuntimeResponse> UpdateAgentRuntimeAsync(UpdateAgentRuntimeRequest request, CancellationToken cancellationToken = default);
        Task<CreateBrowserResponse> CreateBrowserAsync(CreateBrowserRequest request, CancellationToken cancellationToken = default);
        Task<CreateHarnessResponse> CreateHarnessAsync(CreateHarnessRequest request, CancellationToken cancellationToken = default);
        Task<CreateMemoryResponse> CreateMemoryAsync(CreateMemoryRequest request, CancellationToken cancellationToken = default);
    }
}

namespace Amazon.BedrockAgentCoreControl.Model
{
    public class CreateAgentRuntimeResponse : AmazonWebServiceResponse { }
    public class UpdateAgentRuntimeResponse : AmazonWebServiceResponse { }
    public class CreateBrowserResponse : AmazonWebServiceResponse { }
    public class CreateHarnessResponse : AmazonWebServiceResponse { }
    public class CreateMemoryResponse : AmazonWebServiceResponse { }

    public partial class CreateAgentRuntimeRequest : AmazonBedrockAgentCoreControlRequest
    {
        public AgentRuntimeArtifact AgentRuntimeArtifact { get; set; }
        public string AgentRuntimeName { get; set; }
        public AuthorizerConfiguration AuthorizerConfiguration { get; set; }
        public string ClientToken { get; set; }
        public string Description { get; set; }
        public Dictionary<string, string> EnvironmentVariables { get; set; }
        public List<FilesystemConfiguration> FilesystemConfigurations { get; set; }
        public LifecycleConfiguration LifecycleConfiguration { get; set; }
        public NetworkConfiguration NetworkConfiguration { get; set; }
        public ProtocolConfiguration ProtocolConfiguration { get; set; }
        public RequestHeaderConfiguration RequestHeaderConfiguration { get; set; }
        public string RoleArn { get; set; }
        public Dictionary<string, string> Tags { get; set; }
    }

    public partial class UpdateAgentRuntimeRequest : AmazonBedrockAgentCoreControlRequest
    {
        public AgentRuntimeArtifact AgentRuntimeArtifact { get; set; }
        public string AgentRuntimeId { get; set; }
        public Dictionary<string, string> EnvironmentVariables { get; set; }
        public List<FilesystemConfiguration> FilesystemConfigurations { get; set; }
        public LifecycleConfiguration LifecycleConfiguration { get; set; }
        public NetworkConfiguration NetworkConfiguration { get; set; }
        public string RoleArn { get; set; }
    }

    public partial class CreateBrowserRequest : AmazonBedrockAgentCoreControlRequest
    {
        public string Description { get; set; }
        public string ExecutionRoleArn { get; set; }
        public string Name { get; set; }
        public BrowserNetworkConfiguration NetworkConfiguration { get; set; }
        public Dictionary<string, string> Tags { get; set; }
    }

    public partial class CreateHarnessRequest : AmazonBedrockAgentCoreControlRequest
    {
        public Dictionary<string, string> EnvironmentVariables { get; set; }
        public string ExecutionRoleArn { get; set; }
        public string HarnessName { get; set; }
        public int? MaxIterations { get; set; }
        public List<HarnessTool> Tools { get; set; }
    }

    public partial class CreateMemoryRequest : AmazonBedrockAgentCoreControlRequest
    {
        public string Description { get; set; }
        public int? EventExpiryDuration { get; set; }
        public string Name { get; set; }
    }

    public partial class AgentRuntimeArtifact
    {
        public CodeConfiguration CodeConfiguration { get; set; }
        public ContainerConfiguration ContainerConfiguration { get; set; }
    }

    public partial class ContainerConfiguration
    {
        public string ContainerUri { get; set; }
    }

    public partial class CodeConfiguration
    {
        public Code Code { get; set; }
        public List<string> EntryPoint { get; set; }
        public AgentManagedRuntimeType Runtime { get; set; }
    }

    public partial class Code
    {
        public S3Location S3 { get; set; }
    }

    public partial class S3Location
    {
        public string Bucket { get; set; }
        public string Prefix { get; set; }
        public string VersionId { get; set; }
    }

    public partial class NetworkConfiguration
    {
        public NetworkMode NetworkMode { get; set; }
        public VpcConfig NetworkModeConfig { get; set; }
    }

    public partial class BrowserNetworkConfiguration
    {
        public BrowserNetworkMode NetworkMode { get; set; }
        public VpcConfig VpcConfig { get; set; }
    }

    public partial class VpcConfig
    {
        public bool? RequireServiceS3Endpoint { get; set; }
        public List<string> SecurityGroups { get; set; }
        public List<string> Subnets { get; set; }
    }

    public partial class FilesystemConfiguration
    {
        public EfsAccessPointConfiguration EfsAccessPoint { get; set; }
        public S3FilesAccessPointConfiguration S3FilesAccessPoint { get; set; }
        public SessionStorageConfiguration SessionStorage { get; set; }
    }

    public partial class SessionStorageConfiguration
    {
        public string MountPath { get; set; }
    }

    public partial class S3FilesAccessPointConfiguration
    {
        public string AccessPointArn { get; set; }
        public string MountPath { get; set; }
    }

    public partial class EfsAccessPointConfiguration
    {
        public string AccessPointArn { get; set; }
        public string MountPath { get; set; }
    }

    public partial class LifecycleConfiguration
    {
        public int? IdleRuntimeSessionTimeout { get; set; }
        public int? MaxLifetime { get; set; }
    }

    public partial class ProtocolConfiguration
    {
        public ServerProtocol ServerProtocol { get; set; }
    }

    public partial class RequestHeaderConfiguration
    {
        public List<string> RequestHeaderAllowlist { get; set; }
    }

    public partial class AuthorizerConfiguration
    {
        public CustomJWTAuthorizerConfiguration CustomJWTAuthorizer { get; set; }
    }

    public partial class CustomJWTAuthorizerConfiguration
    {
        public List<string> AllowedClients { get; set; }
        public string DiscoveryUrl { get; set; }
    }

    public partial class HarnessTool
    {
        public HarnessToolConfiguration Config { get; set; }
        public string Name { get; set; }
        public HarnessToolType Type { get; set; }
    }

    public partial class HarnessToolConfiguration
    {
        public HarnessRemoteMcpConfig RemoteMcp { get; set; }
        public HarnessAgentCoreBrowserConfig AgentCoreBrowser { get; set; }
    }

    public partial class HarnessRemoteMcpConfig
    {
        public string Url { get; set; }
        public Dictionary<string, string> Headers { get; set; }
    }

    public partial class HarnessAgentCoreBrowserConfig
    {
        public string BrowserArn { get; set; }
    }
}
