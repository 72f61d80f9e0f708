#!/usr/bin/env python3
"""Runs the snippets of docs/ci.md in scratch git repositories.

Usage: ci_docs.py RBC SOURCE_DIR
Blocks marked `<!-- ci-snippet: NAME -->` are read; those whose marker says
"not run" are skipped. What only a hosted runner can do is not run either:
GitHub `uses:` steps and steps named "Install ...", GitLab's before_script.
Everything else runs with the built rbc first on PATH, and each scenario
checks both a passing and a failing change. Exit status 0 when every
snippet behaved as the page says.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

SNIPPET = re.compile(r"<!-- ci-snippet: ([\w-]+)([^>]*)-->\s*```(\w+)\n(.*?)```", re.S)


def alert(name, expr="up == 0"):
    return (f"      - alert: {name}\n        expr: {expr}\n        for: 5m\n"
            f"        labels:\n          severity: critical\n")


def rules(*alerts):
    return "groups:\n  - name: g\n    rules:\n" + "".join(alerts)


def section(name):
    return f"### {name}\n\n**Severity:** critical\n\nIt is down.\n\n"


class Scratch:
    """A git repository with one existing problem on main (BetaDown has no
    runbook section) that changes must not be blamed for."""

    def __init__(self, root, env):
        self.root, self.env = root, env
        root.mkdir(parents=True)
        self.git("init", "-q", "-b", "main")
        self.write("rules/a.yml", rules(alert("AlphaDown"), alert("BetaDown")))
        self.write("runbooks/r.md", "# Runbook\n\n" + section("AlphaDown"))
        self.commit("base")
        self.git("update-ref", "refs/remotes/origin/main", "HEAD")

    def write(self, relative, text):
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def git(self, *args):
        return subprocess.run(["git", "-c", "user.name=ci", "-c", "user.email=ci@example.com", *args],
                              cwd=self.root, env=self.env, check=True, capture_output=True, text=True).stdout

    def commit(self, message):
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)

    def clean_change(self):
        self.write("rules/a.yml", rules(alert("AlphaDown", "up{job=\"api\"} == 0"), alert("BetaDown")))

    def bad_change(self):
        self.write("rules/a.yml", rules(alert("AlphaGone"), alert("BetaDown")))


class Runner:
    def __init__(self, rbc, source, tmp):
        self.source, self.tmp = source, tmp
        bin_dir = tmp / "bin"
        bin_dir.mkdir()
        (bin_dir / "rbc").symlink_to(Path(rbc).resolve())
        home = tmp / "home"
        home.mkdir()
        self.env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", HOME=str(home),
                        PRE_COMMIT_HOME=str(tmp / "pre-commit-cache"), GIT_CONFIG_NOSYSTEM="1")
        self.failures = []
        self.count = 0

    def sh(self, command, cwd, extra_env=None):
        """One command as a CI runner's bash would run it."""
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command], cwd=cwd,
                              env=dict(self.env, **(extra_env or {})), capture_output=True, text=True)
        return proc.returncode, proc.stdout + proc.stderr

    def expect(self, what, ok, detail=""):
        self.count += 1
        if not ok:
            self.failures.append(f"{what}\n{detail}")

    def repo(self, name):
        return Scratch(self.tmp / name, self.env)

    # --- GitHub Actions ---------------------------------------------------
    def github(self, text):
        workflow = yaml.safe_load(text)
        steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
        commands = [s["run"] for s in steps if "run" in s and not s.get("name", "").startswith("Install")]
        self.expect("github: the workflow uploads SARIF",
                    any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps))
        for change, want in (("clean_change", 0), ("bad_change", 1)):
            repo = self.repo(f"github-{change}")
            repo.git("checkout", "-q", "-b", "feature")
            getattr(repo, change)()
            repo.commit("pull request")
            env = {"GITHUB_BASE_REF": "main", "GITHUB_EVENT_NAME": "pull_request", "GITHUB_WORKSPACE": str(repo.root)}
            statuses = []
            for command in commands:
                status, out = self.sh(command, repo.root, env)
                statuses.append(status)
                gate = "--changed" in command
                self.expect(f"github ({change}): `{command.strip()}` exits {want if gate else 0}, got {status}",
                            status == (want if gate else 0), out)
            sarif = json.loads((repo.root / "rbc.sarif").read_text())
            results = [r for run in sarif["runs"] for r in run["results"]]
            self.expect(f"github ({change}): the SARIF report holds the existing finding",
                        any("BetaDown" in r["message"]["text"] for r in results), json.dumps(results)[:2000])

    # --- GitLab CI --------------------------------------------------------
    def gitlab(self, text):
        job = yaml.safe_load(text)["rbc"]
        self.expect("gitlab: the job keeps a Code Quality report",
                    job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json")
        for change, want in (("clean_change", 0), ("bad_change", 1)):
            repo = self.repo(f"gitlab-{change}")
            repo.git("checkout", "-q", "-b", "feature")
            getattr(repo, change)()
            repo.commit("merge request")
            env = {"CI_MERGE_REQUEST_DIFF_BASE_SHA": repo.git("merge-base", "main", "HEAD").strip(),
                   "CI_PIPELINE_SOURCE": "merge_request_event"}
            for command in job["script"]:
                status, out = self.sh(command, repo.root, env)
                gate = "--changed" in command
                self.expect(f"gitlab ({change}): `{command}` exits {want if gate else 0}, got {status}",
                            status == (want if gate else 0), out)
            report = (repo.root / "gl-code-quality-report.json").read_text()
            self.expect(f"gitlab ({change}): the report names the existing finding", "BetaDown" in report, report[:2000])

    # --- pre-commit -------------------------------------------------------
    def pre_commit(self, config_text, commands):
        config = yaml.safe_load(config_text)
        hook_ids = [h["id"] for r in config["repos"] for h in r["hooks"]]
        self.expect("pre-commit: the config uses the rbc-check hook", hook_ids == ["rbc-check"])
        rev = subprocess.run(["git", "-C", str(self.source), "rev-parse", "HEAD"], capture_output=True, text=True)
        use_pre_commit = shutil.which("pre-commit", path=self.env["PATH"]) is not None and rev.returncode == 0
        if use_pre_commit:
            # The hook as pre-commit fetches it, from this checkout instead of the network.
            config["repos"][0]["repo"] = str(self.source)
            config["repos"][0]["rev"] = rev.stdout.strip()
        else:
            print("ci_docs: pre-commit not available; running the hook's entry as pre-commit would")
        for change, want in (("clean_change", 0), ("bad_change", 1)):
            repo = self.repo(f"pre-commit-{change}")
            repo.write(".pre-commit-config.yaml", yaml.safe_dump(config))
            repo.commit("pre-commit")
            getattr(repo, change)()
            repo.write("notes.txt", "not staged, not checked\n")
            repo.git("add", "rules/a.yml")
            if use_pre_commit:
                status, out = 0, ""
                for command in commands:
                    status, out = self.sh(command, repo.root)
            else:
                status, out = self.hook_entry(repo)
            self.expect(f"pre-commit ({change}): the hook exits {want}, got {status}", status == want, out)
            self.expect(f"pre-commit ({change}): the existing finding does not block", "BetaDown" not in out, out)
            if want:
                self.expect("pre-commit: the new problem is named", "AlphaGone" in out, out)
        if use_pre_commit:
            self.expect("pre-commit: `pre-commit install` wrote the git hook",
                        (self.tmp / "pre-commit-bad_change" / ".git" / "hooks" / "pre-commit").exists())

    def hook_entry(self, repo):
        """`entry` + the staged files matching `files`, as pre-commit calls it."""
        hook = next(h for h in yaml.safe_load((self.source / ".pre-commit-hooks.yaml").read_text())
                    if h["id"] == "rbc-check")
        staged = [f for f in repo.git("diff", "--cached", "--name-only", "--diff-filter=ACMR", "-z").split("\0")
                  if f and re.search(hook["files"], f)]
        proc = subprocess.run([*hook["entry"].split(), *staged], cwd=repo.root, env=self.env,
                              capture_output=True, text=True)
        return proc.returncode, proc.stdout + proc.stderr


def main():
    rbc, source = sys.argv[1], Path(sys.argv[2]).resolve()
    text = (source / "docs" / "ci.md").read_text()
    snippets = {}
    for name, note, _lang, body in SNIPPET.findall(text):
        if "not run" not in note:
            snippets[name] = body
    missing = {"pre-commit-config", "pre-commit-commands", "github-actions", "gitlab-ci"} - snippets.keys()
    if missing:
        print(f"ci_docs: snippets missing from docs/ci.md: {sorted(missing)}")
        return 1
    with tempfile.TemporaryDirectory(prefix="rbc-ci-docs-") as tmp:
        runner = Runner(rbc, source, Path(tmp))
        commands = [c for c in snippets["pre-commit-commands"].splitlines() if c.strip()]
        runner.pre_commit(snippets["pre-commit-config"], commands)
        runner.github(snippets["github-actions"])
        runner.gitlab(snippets["gitlab-ci"])
    for failure in runner.failures:
        print("FAILED:", failure, "\n")
    print(f"ci_docs: {runner.count - len(runner.failures)} of {runner.count} expectations met")
    return 1 if runner.failures else 0


if __name__ == "__main__":
    sys.exit(main())
