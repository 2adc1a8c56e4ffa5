#!/usr/bin/env bash
# The dotnet tool package end to end: `dotnet pack` at the repository root writes the AgentCoreLint tool package and
# the analyzer package (checked by .ci/analyzer-package-test.sh) and nothing else; `dotnet tool install` from it gives an `agentcorelint` that prints the version from
# Directory.Build.props and, run from a directory outside this repository, reports on samples/ exactly what
# `dotnet run --project src/AgentCoreLint.Cli` reports (so the schemas and the rule catalog travel inside the package).
# On linux-x64 the install must use the package's fast-start folder (self-contained, ReadyToRun composite).
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

start=$(date +%s)
dotnet pack -c Release -o "$work/package" -nologo -v q >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; echo "FAIL: dotnet pack"; exit 1; }
echo "  dotnet pack at the root: $(( $(date +%s) - start )) s"
packages=$(cd "$work/package" && ls)
if [ "$(echo $packages)" = "AgentCoreLint.$version.nupkg AgentCoreLint.Analyzers.$version.nupkg" ]; then
  pass "dotnet pack at the root writes only AgentCoreLint.$version.nupkg and AgentCoreLint.Analyzers.$version.nupkg"
else
  fail "dotnet pack at the root wrote: $(echo "$packages" | tr '\n' ' ')"
fi

listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$work/package/AgentCoreLint.$version.nupkg")
missing=0
for entry in tools/net10.0/any/agentcorelint.dll tools/net10.0/any/DotnetToolSettings.xml tools/net10.0/linux-x64/agentcorelint.dll tools/net10.0/linux-x64/DotnetToolSettings.xml README.md; do
  grep -qx "$entry" <<<"$listing" || { fail "the package lacks $entry"; missing=1; }
done
[ "$missing" -eq 1 ] || pass "the package holds the portable and the linux-x64 fast-start implementation"
if grep -q '/\(cs\|de\|ja\)/' <<<"$listing"; then fail "the package carries satellite resource assemblies"; fi
# musl Linux falls back to linux-x64 in the RID graph, whose self-contained runtime needs glibc: linux-musl-x64 must
# get the portable build.
if [ "$(sed -n 's:^tools/net10.0/any/::p' <<<"$listing" | sort)" = "$(sed -n 's:^tools/net10.0/linux-musl-x64/::p' <<<"$listing" | sort)" ]; then
  pass "the package gives linux-musl-x64 the portable build"
else
  fail "the linux-musl-x64 folder is not the portable build"
fi

# Only the package just built is a source: a package of the same name elsewhere must not be picked.
cat > "$work/nuget.config" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<configuration><packageSources><clear /></packageSources></configuration>
XML
start=$(date +%s)
dotnet tool install --configfile "$work/nuget.config" --tool-path "$work/tool" --add-source "$work/package" AgentCoreLint --version "$version" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; echo "FAIL: dotnet tool install"; exit 1; }
echo "  dotnet tool install: $(( $(date +%s) - start )) s"
tool="$work/tool/agentcorelint"

printed=$("$tool" --version)
if [ "$printed" = "$version" ]; then pass "agentcorelint --version prints $version"; else fail "agentcorelint --version printed '$printed', expected '$version'"; fi

if [ "$(uname -sm)" = "Linux x86_64" ]; then
  selected=$(python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); print(" ".join(p for t in d["targets"].values() for x in t.values() for p in x.get("tools", {}) if p.endswith("/agentcorelint.dll")))' \
    "$(find "$work/tool/.store" -name project.assets.json | head -n 1)")
  if [ "$selected" = "tools/net10.0/linux-x64/agentcorelint.dll" ]; then pass "on linux-x64 the installed tool runs the fast-start folder"; else fail "the installed tool runs '$selected'"; fi
fi

# Outside the repository (no git repository around it), with only a copy of the samples.
mkdir -p "$work/elsewhere"
cp -r samples "$work/elsewhere/samples"
for format in text json; do
  set +e
  expected=$(dotnet run --project src/AgentCoreLint.Cli -c Release -- lint samples/ --no-color --format "$format")
  expected_rc=$?
  actual=$(cd "$work/elsewhere" && "$tool" lint samples/ --no-color --format "$format")
  actual_rc=$?
  set -e
  if [ "$expected" = "$actual" ] && [ "$expected_rc" = "$actual_rc" ] && [ -n "$actual" ]; then
    pass "installed tool run elsewhere = dotnet run in the repository ($format output, exit $actual_rc, $(wc -l <<<"$actual") lines)"
  else
    fail "installed tool and dotnet run differ ($format output, exit $actual_rc vs $expected_rc)"
    diff <(echo "$expected") <(echo "$actual") | head -20 || true
  fi
done

[ "$failures" -eq 0 ] && echo "tool package: all checks passed" || echo "tool package: $failures check(s) failed"
exit $((failures > 0))
