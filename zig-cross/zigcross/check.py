"""--check: a fresh build must equal the committed natives byte for byte."""

import shutil
import tempfile
from pathlib import Path

from . import build, pins, toolchain


def _files(root):
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def run(selected, jobs, partial=False):
    sources = toolchain.sources()
    committed = pins.NATIVES_DIR
    tmp = Path(tempfile.mkdtemp(prefix="zig-cross-check-"))
    try:
        fresh = tmp / pins.SQLITE_VEC_VERSION
        toolchain.log(f"--check: rebuilding {len(selected)} natives with zig {pins.ZIG_VERSION} "
                      f"and comparing with {committed.relative_to(pins.REPO_DIR)}")
        results = build.build_all(selected, fresh, sources, jobs)
        problems = [f"{b.target.platform}: {p}" for b in results for p in b.problems]
        names = _files(fresh)
        if partial:
            # Only the selected platforms' files; the manifest covers them all.
            names.discard(pins.MANIFEST_NAME)
        have = _files(committed) if committed.is_dir() else set()
        if not partial:
            for extra in sorted(have - names):
                problems.append(f"{extra}: committed, but the build does not produce it")
        for name in sorted(names):
            if name not in have:
                problems.append(f"{name}: built, but not committed (run zig-cross/zig-cross)")
                continue
            a, b = (committed / name).read_bytes(), (fresh / name).read_bytes()
            if a != b:
                problems.append(
                    f"{name}: differs from the fresh build (committed {len(a)} bytes sha256 "
                    f"{build.sha256(committed / name)[:16]}…, fresh {len(b)} bytes sha256 "
                    f"{build.sha256(fresh / name)[:16]}…, first difference at byte {_first_difference(a, b)})")
                if name == pins.MANIFEST_NAME:
                    old, new = a.decode().splitlines(), b.decode().splitlines()
                    for line in sorted(set(old) - set(new)):
                        problems.append(f"    committed: {line}")
                    for line in sorted(set(new) - set(old)):
                        problems.append(f"    fresh:     {line}")
        if problems:
            toolchain.log("--check FAILED:")
            for p in problems:
                toolchain.log(f"  {p}")
            toolchain.log("If the change is intended, run zig-cross/zig-cross and commit the result.")
            return False
        toolchain.log(f"--check passed: {len(names)} files byte-identical to the committed ones")
        return True
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
