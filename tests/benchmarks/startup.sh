#!/usr/bin/env bash
# Whole-process start-up: one small file end to end, against a hello-world .NET console app on the same machine.
# Budget: at most 3x the hello-world time (a ReadyToRun framework-dependent hello world, `dotnet new console` published
# with -p:PublishReadyToRun=true). Measured for every way the linter is deployed:
#   - the installed tool package on linux-x64: its fast-start folder (self-contained, trimmed, one ReadyToRun composite
#     image; docs/installation.md), run by the tool's shim; also against a hello world built the same way;
#   - the fast-start build published on its own (apphost);
#   - a ReadyToRun framework-dependent publish, for comparison;
#   - the package's portable `any` folder (JIT), which other platforms get.
# Runs are interleaved (each round runs every command once), so a change in machine load hits all of them alike; the
# median is reported, and the ratio is of medians.
# usage: tests/benchmarks/startup.sh [RUNS]   (default 30 rounds)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "building (tool package, fast-start publish, ReadyToRun publish, hello worlds) ..."
dotnet publish src/AgentCoreLint.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/acl" -nologo -v q >/dev/null
# The fast-start build is made from a copy, so its self-contained intermediate files never mix with the ones above.
mkdir "$work/src" && git ls-files -z | tar --null -T - -cf - | (cd "$work/src" && tar xf -)
dotnet publish "$work/src/src/AgentCoreLint.Cli" -c Release -p:PublishProfile=fast-start-linux-x64 -o "$work/fast" -nologo -v q >/dev/null
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'P'
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><InvariantGlobalization>true</InvariantGlobalization></PropertyGroup></Project>
P
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
dotnet publish "$work/hello" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/hello/fd" -nologo -v q >/dev/null
dotnet publish "$work/hello" -c Release -r linux-x64 --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -p:PublishTrimmed=true -o "$work/hello/sc" -nologo -v q >/dev/null

dotnet pack -c Release -o "$work/package" -nologo -v q >/dev/null
dotnet tool install --tool-path "$work/tool" --add-source "$work/package" AgentCoreLint >/dev/null
portable=$(find "$work/tool/.store" -path '*/tools/net10.0/any/agentcorelint.dll' | head -n 1)

json=samples/requests/valid/create-agent-runtime.json
yaml=samples/requests/valid/create-harness.yaml
python3 - "$runs" \
  "hello world (ReadyToRun)|$work/hello/fd/hello" \
  "hello world (fast-start build)|$work/hello/sc/hello" \
  "lint 1 JSON file (installed tool)|$work/tool/agentcorelint lint $json" \
  "lint 1 YAML file (installed tool)|$work/tool/agentcorelint lint $yaml" \
  "lint 1 JSON file (fast-start build)|$work/fast/agentcorelint lint $json" \
  "lint 1 YAML file (fast-start build)|$work/fast/agentcorelint lint $yaml" \
  "lint 1 JSON file (ReadyToRun, fw-dep.)|$work/acl/agentcorelint lint $json" \
  "lint 1 YAML file (ReadyToRun, fw-dep.)|$work/acl/agentcorelint lint $yaml" \
  "lint 1 JSON file (portable, JIT)|dotnet $portable lint $json" <<'PY'
import statistics, subprocess, sys, time
runs, commands = int(sys.argv[1]), [a.split("|", 1) for a in sys.argv[2:]]
times = {name: [] for name, _ in commands}
for name, command in commands:  # one untimed run each (file cache), which must succeed: a crash is not a fast start
    subprocess.run(command.split(), stdout=subprocess.DEVNULL, check=True)
for _ in range(runs):
    for name, command in commands:
        start = time.perf_counter()
        subprocess.run(command.split(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times[name].append((time.perf_counter() - start) * 1000)
median = {name: statistics.median(values) for name, values in times.items()}
hello, hello_fast = median["hello world (ReadyToRun)"], median["hello world (fast-start build)"]
for name, _ in commands:
    ratio = "" if name.startswith("hello") else f"  {median[name] / hello:.2f}x hello world (budget 3x)"
    if "installed tool" in name or "fast-start" in name and not name.startswith("hello"):
        ratio += f"; {median[name] / hello_fast:.2f}x the fast-start hello world"
    print(f"{name:40s} median {median[name]:6.1f} ms  (min {min(times[name]):6.1f}){ratio}")
PY
