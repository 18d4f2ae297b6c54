"""Compiles every target, validates it and writes the manifest."""

import hashlib
import os
import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import patches, pins, toolchain, validate

SOURCE_FILES = ("sqlite-vec.c", "sqlite-vec.h", "sqlite3.h", "sqlite3ext.h")
EXPORTS_HEADER = pins.ZIG_CROSS_DIR / "src" / "vec0-exports.h"


@dataclass
class Built:
    target: object
    path: Path
    seconds: float
    summary: str = ""
    problems: tuple = ()


def compile_commands(zig, target, workdir):
    """The two zig invocations for one target, run inside `workdir`.

    Sources are copied into the work directory and named relatively, so no
    absolute path can reach the output. Linking passes no -mcpu so the libc
    and CRT objects zig builds are shared with the target's baseline build.
    """
    compile_cmd = [str(zig), "cc", "-target", target.zig_target, *target.flags,
                   *pins.COMMON_COMPILE_FLAGS, f"-ffile-prefix-map={workdir}=.",
                   "-c", "sqlite-vec.c", "-o", "vec0.o"]
    link_cmd = [str(zig), "cc", "-target", target.zig_target, *pins.COMMON_LINK_FLAGS, *target.link_flags,
                "vec0.o", "-o", target.file_name]
    return compile_cmd, link_cmd


def build_one(zig, source_dir, target, work_root, out_dir, env):
    started = time.monotonic()
    workdir = work_root / target.platform
    workdir.mkdir(parents=True)
    for name in SOURCE_FILES:
        shutil.copyfile(source_dir / name, workdir / name)
    shutil.copyfile(EXPORTS_HEADER, workdir / EXPORTS_HEADER.name)
    for cmd in compile_commands(zig, target, workdir):
        run = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True)
        if run.returncode != 0:
            raise BuildError(f"{target.platform}: `{' '.join(cmd)}` failed:\n{run.stderr}")
    dest = out_dir / target.platform / target.file_name
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(workdir / target.file_name, dest)
    summary, problems = validate.check(target, dest)
    return Built(target, dest, time.monotonic() - started, summary, tuple(problems))


class BuildError(Exception):
    pass


def _order(target):
    # On a cold cache each Windows architecture makes zig build the mingw-w64
    # CRT (1-3 minutes each): start those first so the quick targets fill the
    # remaining time. The v3 build reuses x86_64's CRT, so it goes last rather
    # than waiting on the CRT build and blocking a worker.
    if target.os == "windows" and not target.platform.endswith("-v3"):
        return (0, ("x86_64", "aarch64", "x86").index(target.arch))
    return (2 if target.platform.endswith("-v3") else 1, 0)


def build_all(targets, out_dir, sources, jobs=None):
    """Builds `targets` into out_dir/<platform>/, writes the manifest and the
    licence files, and returns the Built records (validation included)."""
    zig = toolchain.zig_binary()
    jobs = jobs or max(1, os.cpu_count() or 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    pins.CACHE_DIR.mkdir(parents=True, exist_ok=True)
    work_root = Path(_mkdtemp("build-"))
    try:
        env = toolchain.zig_env(work_root / "zig-local-cache")
        # The pinned sources with our patches (zig-cross/patches), shared by every target.
        patched = patches.prepare(sources.sqlite_vec_dir, SOURCE_FILES, work_root / "patched-sources")
        order = sorted(targets, key=_order)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(build_one, zig, patched, t, work_root, out_dir, env) for t in order]
            results, errors = [], []
            for f in futures:
                try:
                    b = f.result()
                    results.append(b)
                    state = "ok" if not b.problems else "INVALID"
                    toolchain.log(f"  built {b.target.platform:<22} {b.path.stat().st_size:>8} bytes "
                                  f"{b.seconds:6.1f}s  {state}: {b.summary}")
                    for p in b.problems:
                        toolchain.log(f"      problem: {p}")
                except BuildError as e:
                    errors.append(str(e))
                    toolchain.log(f"  FAILED {e}")
        if errors:
            raise SystemExit(f"{len(errors)} target(s) failed to build")
    finally:
        shutil.rmtree(work_root, ignore_errors=True)
    results.sort(key=lambda b: b.target.platform)
    write_manifest(out_dir, results, sources)
    write_licences(out_dir, sources)
    return results


def _mkdtemp(prefix):
    import tempfile
    return tempfile.mkdtemp(prefix=f"zig-cross-{prefix}")


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def write_manifest(out_dir, results, sources):
    lines = [f"# sqlite-vec\t{pins.SQLITE_VEC_VERSION}",
             f"# zig\t{pins.ZIG_VERSION}",
             f"# sqlite-headers\t{sources.headers_label}",
             *patches.manifest_lines(),
             "# common-flags\t" + " ".join(pins.COMMON_COMPILE_FLAGS + pins.COMMON_LINK_FLAGS),
             "#platform\tfile\tsha256\tsize\tzig_target\tflags"]
    for b in results:
        t = b.target
        lines.append("\t".join([t.platform, t.rel_path, sha256(b.path), str(b.path.stat().st_size),
                                t.zig_target, " ".join(t.all_flags)]))
    (out_dir / pins.MANIFEST_NAME).write_bytes(("\n".join(lines) + "\n").encode("utf-8"))


NOTICE = """\
The vec0 libraries in this directory are sqlite-vec {vec} (https://github.com/asg017/sqlite-vec,
by Alex Garcia), compiled by sqlitevec-jdbc's zig-cross module with zig {zig}.

sqlite-vec is dual-licensed under the MIT licence or the Apache License 2.0, at your
option, as its package metadata declares (license = "MIT/Apache-2.0"). The sqlite-vec
source package the libraries are built from does not include the licence texts; the
Apache License 2.0 text is in LICENSE-APACHE-2.0 beside this file.

The SQLite headers compiled in ({headers}) are in the public domain.

The libraries may also contain parts of zig's runtime support (compiler-rt; zig's
licence is in LICENSE-zig) and the Windows DLLs contain start-up code of the mingw-w64
runtime as distributed with zig (licence in LICENSE-mingw-w64).
"""


def write_licences(out_dir, sources):
    text = NOTICE.format(vec=pins.SQLITE_VEC_VERSION, zig=pins.ZIG_VERSION,
                         headers=sources.headers_label)
    (out_dir / "NOTICE-sqlite-vec").write_bytes(text.encode("utf-8"))
    shutil.copyfile(sources.apache_license, out_dir / "LICENSE-APACHE-2.0")
    zig_dir = pins.ZIG_INSTALL_DIR / "ziglang"
    shutil.copyfile(zig_dir / "LICENSE", out_dir / "LICENSE-zig")
    shutil.copyfile(zig_dir / "lib" / "libc" / "mingw" / "COPYING", out_dir / "LICENSE-mingw-w64")
