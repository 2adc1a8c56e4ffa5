#!/usr/bin/env bash
# The pre-commit hook end to end, as a user gets it: pre-commit (Debian's, 3.0.x) clones this repository, builds the
# tool with `dotnet pack`, installs it with `dotnet tool install`, and runs `agentcorelint lint --skip-unrecognized`
# on the files it is given, in a throw-away git repository. Asserts: a clean AgentCore document and unrelated JSON and
# YAML (package.json, a GitHub workflow) pass; a defective document fails with its rule ids in the output.
# Uses `pre-commit try-repo`, which takes this repository's committed state plus uncommitted changes to tracked files
# (a new, untracked .pre-commit-hooks.yaml must be added to git first). Each try-repo installs the hook afresh, so
# there are two runs, not one per file. Needs git and the .NET SDK; installs pre-commit with apt-get when missing
# (as root, as in CI).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
failures=0
pass() { echo "PASS: $*"; }
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

if ! command -v pre-commit >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "FAIL: pre-commit is not installed and this is not root: install it (apt-get install pre-commit or pip install pre-commit)"
    exit 1
  fi
  echo "installing Debian's pre-commit"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
fi
echo "pre-commit: $(pre-commit --version)"
git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || { echo "FAIL: $repo is not a git repository (try-repo needs one)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"

project="$work/project"
mkdir -p "$project/requests" "$project/.github/workflows"
cp "$repo/samples/requests/valid/create-harness.yaml" "$project/requests/clean.yaml"
cp "$repo/samples/requests/invalid/update-harness.json" "$project/requests/defective.json"
cat > "$project/package.json" <<'JSON'
{ "name": "web-frontend", "version": "1.2.0", "private": true, "scripts": { "build": "vite build" } }
JSON
cat > "$project/.github/workflows/ci.yml" <<'YAML'
name: CI
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
YAML
git -C "$project" init -q
git -C "$project" add -A

# Runs the hook on the given files; sets $rc and $out, and prints the seconds taken.
try_hook() {
  local start end
  start=$(date +%s)
  set +e
  out=$(cd "$project" && pre-commit try-repo "$repo" agentcorelint --color never --verbose --files "$@" 2>&1)
  rc=$?
  set -e
  end=$(date +%s)
  echo "  pre-commit try-repo (pack, install, run) on $*: exit $rc in $((end - start)) s"
}

try_hook requests/clean.yaml package.json .github/workflows/ci.yml
if [ "$rc" -eq 0 ] && grep -q "AgentCoreLint.*Passed" <<<"$out"; then
  pass "clean AgentCore document, package.json and a GitHub workflow pass (exit 0)"
else
  fail "clean/unrelated files: exit $rc, expected 0"
  echo "$out"
fi
if grep -q "ACL0002" <<<"$out"; then
  fail "an unrelated file was reported as unrecognised (ACL0002)"
  echo "$out"
fi

try_hook requests/defective.json requests/clean.yaml package.json
if [ "$rc" -ne 0 ] && grep -q "requests/defective.json(3,20): error ACL1003" <<<"$out" && grep -q "requests/defective.json(4,3): error ACL1002" <<<"$out"; then
  pass "defective document fails (exit $rc) with its findings ACL1003 and ACL1002"
else
  fail "defective document: exit $rc, expected non-zero with ACL1003 and ACL1002"
  echo "$out"
fi
if grep -Eq "^(requests/clean\.yaml|package\.json)\(" <<<"$out"; then
  fail "the clean or unrelated file got a finding in the defective run"
  echo "$out"
else
  pass "only the defective file is reported"
fi

[ "$failures" -eq 0 ] && echo "pre-commit hook: all checks passed" || echo "pre-commit hook: $failures check(s) failed"
exit $((failures > 0))
