#!/usr/bin/python3
"""Atomicity of `rbc build`: SIGKILL it at random points, over and over, and
check that the output folder is always a whole build.

Usage: kill_build.py BUILD_DIR [--rounds N] [--seed S] [--every K] [--corpus DIR]
BUILD_DIR is the folder holding the rbc binary (or the binary itself).

The input is a copy of part of the shared corpus (or, when that is absent, a
generated repository), so the repository's files are never touched. After a
good build into OUT, each round starts `rbc build --out OUT`, sleeps a random
time between 0 and the last measured build time, and kills it. OUT must then
be exactly the previous output (the kill came before the rename) or exactly
the output of the current inputs (it came after): same files, same hashes,
a manifest that lists them. Every K rounds one input changes, so an old and
a new output can be told apart, and a build runs to completion; after that
build nothing a killed build left beside OUT may remain, else such folders
pile up with every interrupted build. At the end promtool and amtool (when
installed) check what survived. Exit status 1 on any violation.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent
MANIFEST = ".rbc-output"
# Corpus folders taken in this order (at least three) until a build of them
# takes MIN_BUILD_SECONDS: the first three take about 0.4 s.
CORPUS_PARTS = ["kube-prometheus", "prometheus-operator-runbooks",
                "openshift-cluster-monitoring-operator", "openshift-runbooks"]
MIN_BUILD_SECONDS = 0.3
RENAMES = ("rename", "renameat", "renameat2")


def find_rbc(build_dir):
    path = Path(build_dir)
    rbc = path / "rbc" if path.is_dir() else path
    if not os.access(rbc, os.X_OK):
        sys.exit(f"kill_build: no rbc binary at {rbc}")
    return str(rbc.resolve())


# ---------------------------------------------------------------- inputs

def generate_repository(dest, rules):
    """bench/gen_rules.py's rule file plus one runbook section per alert
    (its alerts are the even-numbered GeneratedAlert rules)."""
    shutil.rmtree(dest, ignore_errors=True)
    (dest / "rules").mkdir(parents=True)
    (dest / "runbooks").mkdir()
    subprocess.run([sys.executable, str(SOURCE / "bench" / "gen_rules.py"), str(rules),
                    str(dest / "rules" / "generated.yml")], check=True)
    books = 20
    for b in range(books):
        sections = "".join(f"### GeneratedAlert{i}\n\nCheck the dashboard, then the logs.\n\n"
                           for i in range(2 * b, rules, 2 * books))
        (dest / "runbooks" / f"service{b}.md").write_text(f"# Service {b} runbook\n\n{sections}")


def write_changing_input(inputs, version):
    """The one input that changes between builds: its `for:` and severity
    differ per version, so the rules and the site differ too."""
    folder = inputs / "kill-build"
    folder.mkdir(exist_ok=True)
    (folder / "changing.yml").write_text(
        "groups:\n  - name: kill-build\n    rules:\n"
        "      - alert: KillBuildVersion\n"
        f"        expr: up{{job=\"kill-build\"}} == {version}\n"
        f"        for: {version + 1}m\n"
        f"        labels:\n          severity: {'critical' if version % 2 else 'warning'}\n"
        f"        annotations:\n          summary: \"version {version}\"\n")


# ---------------------------------------------------------------- outputs

def snapshot(out):
    """{relative path: sha256} of every file under `out`, or None when `out`
    does not exist."""
    if not out.is_dir():
        return None
    files = {}
    for path in sorted(out.rglob("*")):
        if path.is_file():
            files[path.relative_to(out).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return files


def manifest_problem(files, out):
    """Why `out` is not a whole output on its own terms: the manifest must be
    there and list exactly the other files."""
    if MANIFEST not in files:
        return "no manifest"
    listed = {line for line in (out / MANIFEST).read_text().splitlines() if line and not line.startswith("#")}
    present = set(files) - {MANIFEST}
    if listed != present:
        missing, extra = sorted(listed - present), sorted(present - listed)
        return f"manifest disagrees with the folder: missing {missing[:3]}, unlisted {extra[:3]}"
    return None


def describe_difference(got, want):
    if got is None:
        return "folder missing"
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want))
    changed = sorted(p for p in set(got) & set(want) if got[p] != want[p])
    return (f"{len(missing)} missing {missing[:3]}, {len(extra)} extra {extra[:3]}, "
            f"{len(changed)} changed {changed[:3]}")


def leftovers(out):
    """Entries beside OUT (its parent holds nothing else of ours)."""
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


# ---------------------------------------------------------------- the test

class KillTest:
    def __init__(self, rbc, workdir, inputs, rng):
        self.rbc, self.work, self.inputs, self.rng = rbc, workdir, inputs, rng
        self.out = workdir / "outputs" / "out"
        self.ref = workdir / "reference" / "out"
        self.out.parent.mkdir()
        self.ref.parent.mkdir()
        self.duration = 0.0
        self.version = 0
        self.current = None   # what OUT holds now
        self.expected = None  # what a build of the current inputs writes
        self.violations = []
        self.counts = {"before rename": 0, "after rename": 0, "finished first": 0}
        self.leftover_history = []
        self.reported = set()
        self.argv_prefix = []  # e.g. strace, to learn which renames a build makes

    def argv(self, out):
        # Plain rule files, so promtool can check them (it cannot read PrometheusRule objects).
        return [*self.argv_prefix, self.rbc, "build", "--force", "--rules-format", "prometheus",
                str(self.inputs), "--out", str(out)]

    def complete_build(self, out):
        """A build left to finish; returns its snapshot and records its time."""
        start = time.perf_counter()
        proc = subprocess.run(self.argv(out), cwd=self.work, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        self.duration = time.perf_counter() - start
        # --force: exit 1 means "built although rbc check found errors".
        if proc.returncode not in (0, 1) or not (out / MANIFEST).is_file():
            self.fail(f"a complete build failed (exit {proc.returncode}): {proc.stderr[-500:]}")
            return None
        return snapshot(out)

    def fail(self, message):
        print(f"VIOLATION: {message}", flush=True)
        self.violations.append(message)

    def change_input(self):
        """Next version of the changing input and its reference output."""
        self.version += 1
        write_changing_input(self.inputs, self.version)
        expected = self.complete_build(self.ref)
        if expected is not None and expected == self.expected:
            self.fail("changing an input did not change the output; the test cannot tell old from new")
        self.expected = expected

    def kill_round(self, number):
        before = self.out.stat().st_ino
        delay = self.rng.uniform(0, self.duration)
        proc = subprocess.Popen(self.argv(self.out), cwd=self.work,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        finished_first = proc.poll() is not None
        if not finished_first:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        self.check_after_kill(number, delay, before, finished_first)

    def check_after_kill(self, number, delay, inode_before, finished_first, label=None):
        got = snapshot(self.out)
        where = f"round {number} (killed {label or f'after {delay * 1000:.0f} ms'})"
        if got is None:
            self.fail(f"{where}: {self.out} is missing; beside it: {leftovers(self.out)}")
            return self.recover()
        if (problem := manifest_problem(got, self.out)) is not None:
            self.fail(f"{where}: {problem}")
        replaced = self.out.stat().st_ino != inode_before
        want = self.expected if replaced else self.current
        if got != want:
            self.fail(f"{where}: OUT is neither the previous nor the new output "
                      f"({'replaced' if replaced else 'same folder'}): {describe_difference(got, want)}")
            return self.recover()
        self.current = got
        self.counts["finished first" if finished_first else "after rename" if replaced else "before rename"] += 1

    def recover(self):
        """After a broken state: a complete build, so later rounds start whole."""
        self.current = self.complete_build(self.out)

    def finish_cycle(self):
        """A build that completes; then nothing killed builds left may remain."""
        got = self.complete_build(self.out)
        if got is not None and got != self.expected:
            self.fail(f"a complete build differs from the reference: {describe_difference(got, self.expected)}")
        self.current = got
        left = leftovers(self.out)
        self.leftover_history.append(len(left))
        new = sorted(set(left) - self.reported)  # each leftover is reported once
        if new:
            self.fail(f"after a complete build, folders of killed builds remain beside OUT "
                      f"({len(left)} in all): {', '.join(new)}")
            self.reported.update(new)

    def run(self, rounds, every):
        write_changing_input(self.inputs, self.version)
        self.current = self.expected = self.complete_build(self.out)
        if self.current is None:
            return
        print(f"good build: {len(self.current)} files in {self.duration:.2f} s", flush=True)
        if self.duration < MIN_BUILD_SECONDS:
            print(f"note: the build takes under {MIN_BUILD_SECONDS} s; kills land in fewer places")
        for number in range(1, rounds + 1):
            if number > 1 and (number - 1) % every == 0:
                self.change_input()
            self.kill_round(number)
            if number % every == 0 or number == rounds:
                self.finish_cycle()
            if self.current is None:
                break


def rename_calls(trace):
    """{syscall: how many times} of the rename calls in an strace -f log
    (lines "PID rename(...) = 0"; "<... resumed>" halves are not counted)."""
    counts = {}
    for line in trace.read_text().splitlines():
        if m := re.match(r"(?:\d+\s+)?(\w+)\(", line):
            if m.group(1) in RENAMES:
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


def kill_at_each_rename(test):
    """Deterministic kills: with strace, SIGKILL the build on entry to each
    rename it makes in turn, the moments the output folder changes hands.
    The random rounds rarely land exactly between two renames."""
    usable = shutil.which("strace") and subprocess.run(
        ["strace", "-qq", "-o", "/dev/null", "true"], stderr=subprocess.DEVNULL).returncode == 0
    if not usable:
        print("strace missing or not allowed to trace here: no kills at the renames")
        return 0
    trace = test.work / "renames.trace"
    strace = ["strace", "-f", "-qq", "-o", str(trace), "-e", "trace=" + ",".join(RENAMES)]
    test.argv_prefix = strace
    test.current = test.complete_build(test.out)
    test.argv_prefix = []
    if test.current is None:
        return 0
    kills = 0
    for name, count in sorted(rename_calls(trace).items()):
        for k in range(1, count + 1):
            before = test.out.stat().st_ino
            subprocess.run(["strace", "-f", "-qq", "-o", "/dev/null", "-e", f"inject={name}:signal=KILL:when={k}",
                            *test.argv(test.out)], cwd=test.work, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            test.check_after_kill(f"{name} #{k}", 0.0, before, False, label=f"at {name} call {k}")
            kills += 1
            if test.current is None:
                return kills
    test.finish_cycle()
    return kills


def check_with_peers(out):
    """promtool and amtool, when installed, must accept what survived."""
    problems = []
    rules = sorted(str(p) for p in (out / "rules").rglob("*") if p.suffix in (".yml", ".yaml"))
    if shutil.which("promtool") and rules:
        proc = subprocess.run(["promtool", "check", "rules", *rules], capture_output=True, text=True)
        print(f"promtool check rules ({len(rules)} files): exit {proc.returncode}")
        if proc.returncode != 0:
            problems.append("promtool rejects the output rules: " + (proc.stdout + proc.stderr)[-800:])
    if shutil.which("amtool"):
        proc = subprocess.run(["amtool", "check-config", str(out / "alertmanager.yml")], capture_output=True, text=True)
        print(f"amtool check-config: exit {proc.returncode}")
        if proc.returncode != 0:
            problems.append("amtool rejects alertmanager.yml: " + (proc.stdout + proc.stderr)[-800:])
    return problems


def build_seconds(rbc, inputs, workdir):
    """Time of one build of `inputs` (into a scratch folder)."""
    probe = workdir / "probe"
    start = time.perf_counter()
    subprocess.run([rbc, "build", "--force", "--rules-format", "prometheus", str(inputs), "--out", str(probe)],
                   cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    shutil.rmtree(probe, ignore_errors=True)
    return seconds


def prepare_inputs(args, rbc, workdir):
    """Copies corpus folders, or generates a repository when there is no
    corpus (CI), until a build takes long enough for kills to land in it."""
    inputs = workdir / "inputs"
    inputs.mkdir()
    corpus = Path(args.corpus)
    parts = [p for p in CORPUS_PARTS if (corpus / p).is_dir()]
    if parts:
        for count, part in enumerate(parts, 1):
            shutil.copytree(corpus / part, inputs / part)
            if count >= 3 and build_seconds(rbc, inputs, workdir) >= MIN_BUILD_SECONDS:
                break
        print(f"input: {', '.join(sorted(p.name for p in inputs.iterdir()))} from {corpus}")
        return inputs
    rules = 1500
    for _ in range(4):
        generate_repository(inputs / "generated", rules)
        if build_seconds(rbc, inputs, workdir) >= MIN_BUILD_SECONDS:
            break
        rules *= 2
    print(f"input: generated repository, {rules} rules (no corpus at {corpus})")
    return inputs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build_dir", help="folder with the rbc binary, or the binary")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--seed", type=int, default=None, help="default: from the clock (printed)")
    parser.add_argument("--every", type=int, default=5, help="rounds between input changes")
    parser.add_argument("--corpus", default=str(SOURCE.parent / "shared" / "corpus"))
    parser.add_argument("--keep", action="store_true", help="leave the work folder for inspection")
    args = parser.parse_args()
    rbc = find_rbc(args.build_dir)
    seed = args.seed if args.seed is not None else int(time.time()) % 100000
    print(f"seed {seed} (replay with --seed {seed})", flush=True)
    workdir = Path(tempfile.mkdtemp(prefix="rbc-kill-build-"))
    started = time.perf_counter()
    try:
        test = KillTest(rbc, workdir, prepare_inputs(args, rbc, workdir), random.Random(seed))
        test.run(args.rounds, max(1, args.every))
        counts = dict(test.counts)
        exact = kill_at_each_rename(test) if test.current is not None else 0
        if test.out.is_dir():
            for problem in check_with_peers(test.out):
                test.fail(problem)
        else:
            test.fail("no output survived to check with promtool and amtool")
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    c = counts
    result = "FAIL" if test.violations else "OK"
    print(f"kill_build: {sum(c.values())} rounds, {c['before rename']} killed before the rename, "
          f"{c['after rename']} after it, {c['finished first']} finished before the kill; "
          f"{exact} kills at the renames; "
          f"leftovers after complete builds {test.leftover_history}; "
          f"{len(test.violations)} violations; {time.perf_counter() - started:.1f} s; {result}")
    return 1 if test.violations else 0


if __name__ == "__main__":
    sys.exit(main())
