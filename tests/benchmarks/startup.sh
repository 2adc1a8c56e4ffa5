#!/usr/bin/env bash
# Whole-process start-up: one small file end to end with the ReadyToRun-published CLI, against a hello-world
# .NET console app published the same way on the same machine. Budget: at most 3x the hello-world time.
# Also times what users run: the tool package from `dotnet pack` installed with `dotnet tool install` (on linux-x64
# its ReadyToRun folder), and the package's portable `any` folder (JIT), which other platforms get.
# usage: tests/benchmarks/startup.sh [RUNS]   (default 20 runs each; prints mean wall-clock milliseconds)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet publish src/AgentCoreLint.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/acl" -nologo -v q >/dev/null
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'X'
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup></Project>
X
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
dotnet publish "$work/hello" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/hello/out" -nologo -v q >/dev/null

dotnet pack -c Release -o "$work/package" -nologo -v q >/dev/null
dotnet tool install --tool-path "$work/tool" --add-source "$work/package" AgentCoreLint >/dev/null
portable=$(find "$work/tool/.store" -path '*/tools/net10.0/any/agentcorelint.dll' | head -n 1)

sample=samples/requests/valid/create-agent-runtime.json
mean_ms() {
  local start end
  "$@" >/dev/null 2>&1 || true
  start=$(date +%s%N)
  for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
  end=$(date +%s%N)
  echo $(( (end - start) / runs / 1000000 ))
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
hello=$(mean_ms "$work/hello/out/hello")
lint=$(mean_ms "$work/acl/agentcorelint" lint "$sample")
tool=$(mean_ms "$work/tool/agentcorelint" lint "$sample")
jit=$(mean_ms dotnet "$portable" lint "$sample")
echo "hello world: ${hello} ms; agentcorelint lint (1 file): ${lint} ms; ratio: $(ratio "$lint" "$hello")x (budget 3x)"
echo "installed tool package (ReadyToRun folder): ${tool} ms ($(ratio "$tool" "$hello")x); its portable folder (JIT): ${jit} ms ($(ratio "$jit" "$hello")x)"
