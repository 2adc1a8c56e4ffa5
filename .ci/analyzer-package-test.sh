#!/usr/bin/env bash
# The Roslyn analyzer package end to end: `dotnet pack` at the repository root writes AgentCoreLint.Analyzers (the
# analyzer and Rules under analyzers/dotnet/cs, no dependencies); a fresh consumer project outside this repository,
# with a stand-in SDK library (the AgentCore SDK package is not served here) and the real AWSSDK.Core, references the
# package from a local folder. Its `dotnet build` must report each rule on the line of the issue's example that is
# marked `// expect: ACLxxxx`, and nothing on the clean request or on values unknown at compile time. ACL1005 (a schema
# rule) is expected once the analyzer runs the Rules check pipeline (RequestChecks calls RequestChecker).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
[ -n "$version" ] || { echo "FAIL: no <Version> in Directory.Build.props"; exit 1; }

dotnet pack -c Release -o "$work/package" -nologo -v q >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; echo "FAIL: dotnet pack"; exit 1; }
nupkg="$work/package/AgentCoreLint.Analyzers.$version.nupkg"
[ -f "$nupkg" ] || { ls "$work/package"; echo "FAIL: dotnet pack at the root wrote no AgentCoreLint.Analyzers.$version.nupkg"; exit 1; }
pass "dotnet pack at the root writes AgentCoreLint.Analyzers.$version.nupkg"

listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$nupkg")
if [ "$(grep '\.dll$' <<<"$listing" | sort | tr '\n' ' ')" = "analyzers/dotnet/cs/AgentCoreLint.Analyzers.dll analyzers/dotnet/cs/AgentCoreLint.Rules.dll " ]; then
  pass "the package holds the analyzer and Rules under analyzers/dotnet/cs and no other assembly"
else
  fail "the package's assemblies: $(grep '\.dll$' <<<"$listing" | tr '\n' ' ')"
fi
nuspec=$(python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.read(next(n for n in z.namelist() if n.endswith(".nuspec"))).decode())' "$nupkg")
if grep -q '<dependency ' <<<"$nuspec"; then fail "the nuspec lists dependencies"; else pass "the nuspec lists no dependencies"; fi
grep -q '<developmentDependency>true</developmentDependency>' <<<"$nuspec" && pass "the package is a development dependency" || fail "the package is not a development dependency"

# A stand-in for AWSSDK.BedrockAgentCoreControl (same namespaces, names and types as the SDK), as a library of its own
# so the analyzer sees it as metadata, as it sees the real SDK.
mkdir -p "$work/sdk" "$work/consumer"
cp tests/AgentCoreLint.Analyzers.Tests/StandIns/*.cs "$work/sdk/"
cat > "$work/sdk/AWSSDK.BedrockAgentCoreControl.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable><ImplicitUsings>disable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="AWSSDK.Core" Version="4.1.1" /></ItemGroup>
</Project>
XML
cat > "$work/consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>disable</Nullable><ImplicitUsings>enable</ImplicitUsings><OutputType>Library</OutputType></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="AWSSDK.Core" Version="4.1.1" />
    <PackageReference Include="AgentCoreLint.Analyzers" Version="$version" PrivateAssets="all" />
    <ProjectReference Include="../sdk/AWSSDK.BedrockAgentCoreControl.csproj" />
  </ItemGroup>
</Project>
XML
cat > "$work/consumer/Deploy.cs" <<'CS'
using Amazon.BedrockAgentCoreControl;
using Amazon.BedrockAgentCoreControl.Model;

public static class Deploy
{
    public static async Task Run(IAmazonBedrockAgentCoreControl client)
    {
        var request = new CreateAgentRuntimeRequest
        {
            AgentRuntimeName = "customer-support-agent", // expect-with-schema: ACL1005
            AgentRuntimeArtifact = new AgentRuntimeArtifact { ContainerConfiguration = new ContainerConfiguration { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" }, CodeConfiguration = new CodeConfiguration { Code = new Code { S3 = new S3Location { Bucket = "agents", Prefix = "support.zip" } }, EntryPoint = ["main.py"], Runtime = AgentManagedRuntimeType.PYTHON_3_12 } }, // expect: ACL1008
            RoleArn = "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
            NetworkConfiguration = new NetworkConfiguration { NetworkMode = NetworkMode.VPC,
                NetworkModeConfig = new VpcConfig { SecurityGroups = new List<string>(), Subnets = new List<string> { "subnet-0123456789abcdef0" } } }, // expect: ACL2101
            EnvironmentVariables = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "AKIA" + "Q3VJ7XKZ2M5RB8TN" }, // expect: ACL3001
        };
        request.FilesystemConfigurations = new List<FilesystemConfiguration> { new() { SessionStorage = new() { MountPath = "/mnt/a/b" } } }; // expect: ACL2001
        await client.CreateAgentRuntimeAsync(request);
    }
}
CS
cat > "$work/consumer/Clean.cs" <<'CS'
using Amazon.BedrockAgentCoreControl;
using Amazon.BedrockAgentCoreControl.Model;

public static class Clean
{
    private static readonly string Region = Environment.GetEnvironmentVariable("AWS_REGION");

    public static async Task Run(IAmazonBedrockAgentCoreControl client, string name, List<string> subnets, string mountPath,
        AgentRuntimeArtifact artifact, string roleArn)
    {
        await client.CreateAgentRuntimeAsync(new CreateAgentRuntimeRequest
        {
            AgentRuntimeName = "customer_support_agent",
            AgentRuntimeArtifact = new AgentRuntimeArtifact { ContainerConfiguration = new ContainerConfiguration { ContainerUri = "123456789012.dkr.ecr.us-east-1.amazonaws.com/support-agent:1.4.2" } },
            RoleArn = "arn:aws:iam::123456789012:role/AgentCoreRuntimeRole",
            NetworkConfiguration = new NetworkConfiguration { NetworkMode = NetworkMode.VPC,
                NetworkModeConfig = new VpcConfig { SecurityGroups = ["sg-0123456789abcdef0"], Subnets = ["subnet-0123456789abcdef0"] } },
            EnvironmentVariables = new Dictionary<string, string> { ["LOG_LEVEL"] = "info" },
            FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = "/mnt/data" } }],
        });

        // Unknown at compile time: never judged.
        var unknown = new CreateAgentRuntimeRequest
        {
            AgentRuntimeName = name,
            AgentRuntimeArtifact = artifact,
            RoleArn = roleArn,
            NetworkConfiguration = new NetworkConfiguration { NetworkMode = NetworkMode.VPC, NetworkModeConfig = new VpcConfig { SecurityGroups = subnets, Subnets = subnets } },
            EnvironmentVariables = new Dictionary<string, string> { ["DB_PASSWORD"] = Environment.GetEnvironmentVariable("DB_PASSWORD"), ["REGION"] = Region },
        };
        unknown.FilesystemConfigurations = [new() { SessionStorage = new() { MountPath = mountPath } }];
        await client.CreateAgentRuntimeAsync(unknown);
    }
}
CS
# Beside the consumer: merged with the user's own sources (AWSSDK.Core comes from there).
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><add key="agentcorelint-local" value="$work/package" /></packageSources></configuration>
XML

# A packages folder of its own, so no AgentCoreLint.Analyzers of the same version from an earlier run is used.
set +e
out=$(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo -v q -p:TreatWarningsAsErrors=false 2>&1)
set -e
if grep -q "error NU\|error CS" <<<"$out"; then
  echo "$out" | grep "error NU\|error CS" | sort -u | head -20
  fail "the consumer project does not restore or compile"
fi
grep -o '[A-Za-z]*\.cs([0-9]*,[0-9]*): [a-z]* ACL[0-9]*: .*' <<<"$out" | sed 's/ \[.*\.csproj\]$//' | sort -u | sed 's/^/  /' || true
reported=$(grep -o '[A-Za-z]*\.cs([0-9]*,[0-9]*): [a-z]* ACL[0-9]*' <<<"$out" | sed 's/(\([0-9]*\),[0-9]*): [a-z]* / \1 /' | sort -u || true)

schema=0
grep -q 'RequestChecker' src/AgentCoreLint.Analyzers/RequestChecks.cs && schema=1
expected=$(grep -n '// expect: ACL' "$work/consumer/Deploy.cs" | sed 's/^\([0-9]*\):.*expect: \(ACL[0-9]*\).*/Deploy.cs \1 \2/')
if [ "$schema" -eq 1 ]; then
  expected=$(printf '%s\n%s' "$expected" "$(grep -n '// expect-with-schema: ACL' "$work/consumer/Deploy.cs" | sed 's/^\([0-9]*\):.*expect-with-schema: \(ACL[0-9]*\).*/Deploy.cs \1 \2/')")
fi
expected=$(sort -u <<<"$expected")
actual_deploy=$(grep '^Deploy.cs' <<<"$reported" || true)
if [ "$schema" -eq 0 ]; then
  # Before the pipeline swap the schema rules do not run; a schema finding would mean the seam changed.
  actual_deploy=$(grep -v ' ACL100[1-7]$' <<<"$actual_deploy" || true)
fi
if [ "$expected" = "$actual_deploy" ]; then
  pass "dotnet build reports $(wc -l <<<"$expected") rules on the lines of the issue's example: $(awk '{print $3}' <<<"$expected" | tr '\n' ' ')"
else
  fail "the diagnostics on the example differ"
  diff <(echo "$expected") <(echo "$actual_deploy") || true
fi
clean=$(grep '^Clean.cs' <<<"$reported" || true)
if [ -z "$clean" ]; then pass "nothing reported on the clean request or on values unknown at compile time"; else fail "reported on clean/unknown code: $clean"; fi
if grep -q 'Q3VJ7XKZ2M5RB8TN' <<<"$out"; then fail "the build output shows the secret"; else pass "the build output never shows the secret"; fi

# .editorconfig severities: ACL2001 as a warning, ACL3001 off.
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.ACL2001.severity = warning\ndotnet_diagnostic.ACL3001.severity = none\n' > "$work/consumer/.editorconfig"
set +e
out=$(cd "$work/consumer" && NUGET_PACKAGES="$work/packages" dotnet build -nologo -v q --no-restore -p:TreatWarningsAsErrors=false 2>&1)
set -e
if grep -q 'Deploy.cs([0-9]*,[0-9]*): warning ACL2001' <<<"$out" && ! grep -q 'ACL3001' <<<"$out"; then
  pass ".editorconfig turns ACL2001 into a warning and ACL3001 off"
else
  fail ".editorconfig severities were not applied"
fi

[ "$failures" -eq 0 ] && echo "analyzer package: all checks passed" || echo "analyzer package: $failures check(s) failed"
exit $((failures > 0))
