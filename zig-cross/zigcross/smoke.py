"""--smoke: load each committed native into a real SQLite and run KNN queries.

Linux glibc natives run natively (x86_64) or under qemu-user with Debian's
cross C libraries; musl x86_64 natives run with Debian's musl loader. The rest
(macOS, Windows, FreeBSD, musl on other CPUs) are format-checked only.
"""

import os
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import build, pins, toolchain, validate

HARNESS = pins.ZIG_CROSS_DIR / "smoke" / "harness.c"
# x86-64-v3 as defined by the psABI, in /proc/cpuinfo's spelling (abm = lzcnt).
X86_64_V3_FLAGS = {"avx", "avx2", "bmi1", "bmi2", "f16c", "fma", "abm", "movbe", "xsave"}


@dataclass(frozen=True)
class Runner:
    harness_target: str          # zig target the harness is compiled for
    harness_flags: tuple = ()
    emulator: str = ""           # qemu-user binary, or "" to run natively
    sysroot: str = ""            # qemu -L prefix, also proves the cross libc is installed
    packages: tuple = ()         # Debian packages providing emulator/sysroot/loader
    loader: str = ""             # file that must exist to run natively (musl)
    needs_cpu: frozenset = frozenset()

    def where(self):
        if self.emulator:
            return f"{self.emulator} -L {self.sysroot}"
        return "natively" + (f" with {self.loader}" if self.loader else "")


def _qemu(arch_target, emulator, sysroot, libc_package, flags=()):
    return Runner(arch_target, flags, emulator, sysroot, ("qemu-user", libc_package))


MUSL = Runner("x86_64-linux-musl", ("-dynamic",), loader="/lib/ld-musl-x86_64.so.1", packages=("musl",))
RUNNERS = {
    "linux-x86_64": Runner("x86_64-linux-gnu.2.17"),
    "linux-x86_64-v3": Runner("x86_64-linux-gnu.2.17", needs_cpu=frozenset(X86_64_V3_FLAGS)),
    "linux-aarch64": _qemu("aarch64-linux-gnu.2.17", "qemu-aarch64", "/usr/aarch64-linux-gnu",
                           "libc6-arm64-cross"),
    "linux-armv7": _qemu("arm-linux-gnueabihf.2.17", "qemu-arm", "/usr/arm-linux-gnueabihf",
                         "libc6-armhf-cross", ("-mcpu=baseline-neon-d32",)),
    "linux-x86": _qemu("x86-linux-gnu.2.17", "qemu-i386", "/usr/i686-linux-gnu", "libc6-i386-cross"),
    "linux-riscv64": _qemu("riscv64-linux-gnu.2.27", "qemu-riscv64", "/usr/riscv64-linux-gnu",
                           "libc6-riscv64-cross"),
    "linux-ppc64le": _qemu("powerpc64le-linux-gnu.2.19", "qemu-ppc64le", "/usr/powerpc64le-linux-gnu",
                           "libc6-ppc64el-cross"),
    "linux-musl-x86_64": MUSL,
    "linux-musl-x86_64-v3": Runner(MUSL.harness_target, MUSL.harness_flags, loader=MUSL.loader,
                                   packages=MUSL.packages, needs_cpu=frozenset(X86_64_V3_FLAGS)),
}


def _cpu_flags():
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags"):
                return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def _is_x86_64_linux():
    return os.uname().sysname == "Linux" and os.uname().machine == "x86_64"


def _runnable(runner):
    """Whether the runner's tools are present (not whether the CPU can run it)."""
    if runner.emulator:
        return shutil.which(runner.emulator) is not None and Path(runner.sysroot, "lib").is_dir()
    if runner.loader:
        return Path(runner.loader).exists()
    return True


def _install(packages):
    """apt-get installs the missing Debian packages; returns an error text or None."""
    if shutil.which("apt-get") is None:
        return (f"apt-get is not available to install {' '.join(packages)}; "
                "install them (or their equivalents) by hand")
    cmd_prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    toolchain.log(f"installing Debian packages: {' '.join(packages)}")
    for cmd in (["apt-get", "update", "-q"],
                ["apt-get", "install", "-y", "-q", "--no-install-recommends", *packages]):
        run = subprocess.run(cmd_prefix + cmd, env=env, capture_output=True, text=True)
        if run.returncode != 0:
            return f"`{' '.join(cmd_prefix + cmd)}` failed:\n{run.stdout[-2000:]}{run.stderr[-2000:]}"
    return None


def _read_manifest(path):
    entries = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            platform, rel, sha, size, zig_target, flags = line.split("\t")
            entries[platform] = (rel, sha, int(size))
    return entries


def _harness_key(runner):
    return " ".join((runner.harness_target,) + runner.harness_flags)


def _build_harness(zig, sources, runner, env):
    # -O0 without zig's default UBSan compiles the amalgamation in seconds
    # (-O1 takes ten times longer), and speed does not matter for these queries.
    out_dir = pins.SMOKE_CACHE_DIR / _harness_key(runner).replace(" ", "_").replace("=", "-")
    out_dir.mkdir(parents=True, exist_ok=True)
    exe = out_dir / "harness"
    cmd = [str(zig), "cc", "-target", runner.harness_target, *runner.harness_flags,
           "-O0", "-fno-sanitize=undefined", "-g0",
           f"-DSQLITE_VEC_EXPECTED_VERSION=\"v{pins.SQLITE_VEC_VERSION}\"",
           "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_DEPRECATED",
           "-I", str(sources.amalgamation_include), str(HARNESS), str(sources.amalgamation),
           "-o", str(exe), "-ldl", "-lm"]
    run = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        return None, f"building the harness failed:\n{run.stderr[-3000:]}"
    return exe, None


def run(selected, jobs):
    natives = pins.NATIVES_DIR
    manifest = natives / pins.MANIFEST_NAME
    if not manifest.is_file():
        raise SystemExit(f"{manifest} does not exist: run zig-cross/zig-cross first")
    entries = _read_manifest(manifest)
    results = {}    # platform -> (passed, text)

    # 1. Every native: listed in the manifest, hash and size match, format valid.
    for t in selected:
        if t.platform not in entries:
            results[t.platform] = (False, f"not listed in {pins.MANIFEST_NAME}")
            continue
        rel, sha, size = entries[t.platform]
        path = natives / rel
        if not path.is_file():
            results[t.platform] = (False, f"{rel} is missing")
            continue
        if build.sha256(path) != sha or path.stat().st_size != size:
            results[t.platform] = (False, f"{rel} does not match its manifest sha256/size")
            continue
        summary, problems = validate.check(t, path)
        if problems:
            results[t.platform] = (False, "format check failed: " + "; ".join(problems))
        else:
            results[t.platform] = (True, f"format-checked only ({summary})")

    # 2. The ones this machine can execute.
    cpu = _cpu_flags()
    plan = {}
    for t in selected:
        runner = RUNNERS.get(t.platform)
        if runner is None or not results[t.platform][0]:
            continue
        if not _is_x86_64_linux():
            results[t.platform] = (True, results[t.platform][1] + "; not executed: host is not x86_64 Linux")
            continue
        missing_cpu = sorted(runner.needs_cpu - cpu)
        if missing_cpu:
            results[t.platform] = (True, results[t.platform][1] +
                                   f"; not executed: this CPU lacks {' '.join(missing_cpu)}")
            continue
        plan[t.platform] = runner
    missing = sorted({p for r in plan.values() if not _runnable(r) for p in r.packages})
    if missing:
        started = time.monotonic()
        error = _install(missing)
        toolchain.log(f"apt-get took {time.monotonic() - started:.0f}s")
        if error:
            toolchain.log(error)
    for platform, runner in list(plan.items()):
        if not _runnable(runner):
            results[platform] = (False, f"cannot execute: {runner.where()} is unavailable "
                                        f"(Debian packages: {' '.join(runner.packages)})")
            del plan[platform]

    if plan:
        zig = toolchain.zig_binary()
        sources = toolchain.sources()
        env = toolchain.zig_env(pins.SMOKE_CACHE_DIR / "zig-local-cache")
        toolchain.log(f"building the smoke-test harness for {len(plan)} platform(s)")
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=jobs or max(1, os.cpu_count() or 1)) as pool:
            unique = {_harness_key(r): r for r in plan.values()}
            built = {k: pool.submit(_build_harness, zig, sources, r, env) for k, r in unique.items()}
            harnesses = {p: built[_harness_key(r)].result() for p, r in plan.items()}
        toolchain.log(f"harnesses built in {time.monotonic() - started:.0f}s")
        for platform, runner in plan.items():
            exe, error = harnesses[platform]
            if error:
                results[platform] = (False, error)
                continue
            native = (natives / entries[platform][0]).resolve()
            cmd = ([runner.emulator, "-L", runner.sysroot] if runner.emulator else []) + [str(exe), str(native)]
            try:
                proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
                output, code = proc.stdout + proc.stderr, proc.returncode
            except subprocess.TimeoutExpired:
                output, code = "timed out after 120 s", -1
            if code == 0 and output.rstrip().endswith("OK"):
                version = output.splitlines()[0]
                results[platform] = (True, f"executed {runner.where()}: {version}, KNN and cosine checks OK")
            else:
                results[platform] = (False, f"executed {runner.where()}, exit {code}:\n{output}")

    passed = failed = 0
    for t in selected:
        ok, text = results[t.platform]
        passed += ok
        failed += not ok
        toolchain.log(f"{'PASS' if ok else 'FAIL'} {t.platform}: {text}")
    executed = sum(1 for ok, text in results.values() if ok and text.startswith("executed"))
    toolchain.log(f"smoke: {executed} executed, {passed - executed} format-checked only")
    print(f"{passed} passed, {failed} failed", flush=True)
    return failed == 0
