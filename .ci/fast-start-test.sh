#!/usr/bin/env bash
# The fast-start build (docs/installation.md): self-contained, trimmed, one ReadyToRun composite image for linux-x64.
# Trimming removes code that nothing refers to statically, so reflection-based code can break there and nowhere else:
# this runs the published build on every kind of input and checks it prints, byte for byte, what the portable build
# prints, with the same exit codes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
[ "$(uname -sm)" = "Linux x86_64" ] || { echo "SKIP: the fast-start profile targets linux-x64"; exit 0; }
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
# Built from a copy of the tracked files, so its self-contained intermediate files never mix with this tree's.
mkdir "$work/src" && git ls-files -z | tar --null -T - -cf - | (cd "$work/src" && tar xf -)
dotnet publish "$work/src/src/AgentCoreLint.Cli" -c Release -p:PublishProfile=fast-start-linux-x64 -o "$work/fast" -nologo -v q >"$work/publish.log" 2>&1 ||
  { cat "$work/publish.log"; echo "FAIL: dotnet publish -p:PublishProfile=fast-start-linux-x64"; exit 1; }
echo "  publish: $(( $(date +%s) - start )) s, $(du -sh "$work/fast" | cut -f1)"

# The portable build of the same sources (incremental: quick after the CI build step).
dotnet build src/AgentCoreLint.Cli -c Release -nologo -v q >/dev/null
portable=(dotnet "$repo/src/AgentCoreLint.Cli/bin/Release/net10.0/agentcorelint.dll")
for build in "$repo/src/AgentCoreLint.Cli/bin/Release/net10.0" "$work/fast"; do
  if grep -q '"System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported": false' "$build/agentcorelint.runtimeconfig.json"; then
    pass "no run-time code generation in $(basename "$build")"
  else
    fail "$build/agentcorelint.runtimeconfig.json does not turn dynamic code off"
  fi
done
compare() {
  local name=$1; shift
  set +e
  "${portable[@]}" "$@" >"$work/expected.out" 2>"$work/expected.err"; local expected=$?
  "$work/fast/agentcorelint" "$@" >"$work/actual.out" 2>"$work/actual.err"; local actual=$?
  set -e
  if [ "$expected" = "$actual" ] && cmp -s "$work/expected.out" "$work/actual.out" && cmp -s "$work/expected.err" "$work/actual.err"; then
    pass "$name (exit $actual)"
  else
    fail "$name: exit $actual, expected $expected"; diff "$work/expected.out" "$work/actual.out" | head -5 || true
  fi
}
compare "lint samples/ (text)" lint samples
compare "lint samples/ (SARIF)" lint samples --format sarif
compare "lint samples/ (JSON)" lint samples --format json
compare "rules --format json" rules --format json
compare "lint --help" lint --help
compare "--version" --version
if [ -d ../shared/corpus/real-world ]; then
  compare "lint ../shared/corpus/real-world" lint ../shared/corpus/real-world
fi

[ "$failures" -eq 0 ] && echo "fast-start build: all checks passed" || { echo "fast-start build: $failures check(s) failed"; exit 1; }
