"""Installs the pinned zig and locates the pinned C sources."""

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from . import pins


def log(msg):
    print(msg, flush=True)


def zig_binary():
    """Path of the pinned zig, pip-installing `ziglang` into .cache/ if absent."""
    exe = pins.ZIG_INSTALL_DIR / "ziglang" / ("zig.exe" if os.name == "nt" else "zig")
    if not exe.exists() or zig_version(exe) != pins.ZIG_VERSION:
        log(f"installing ziglang=={pins.ZIG_VERSION} into {pins.ZIG_INSTALL_DIR}")
        tmp = pins.ZIG_INSTALL_DIR.with_name(pins.ZIG_INSTALL_DIR.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "pip", "install", "--disable-pip-version-check",
                        "--no-deps", "--target", str(tmp), f"ziglang=={pins.ZIG_VERSION}"],
                       check=True)
        shutil.rmtree(pins.ZIG_INSTALL_DIR, ignore_errors=True)
        tmp.rename(pins.ZIG_INSTALL_DIR)
        found = zig_version(exe)
        if found != pins.ZIG_VERSION:
            raise SystemExit(f"installed zig reports version {found!r}, expected {pins.ZIG_VERSION}")
    return exe


def zig_version(exe):
    try:
        return subprocess.run([str(exe), "version"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def zig_env(local_cache):
    """Environment for zig: project-local caches and nothing inherited that steers zig."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZIG_")}
    env["ZIG_GLOBAL_CACHE_DIR"] = str(pins.ZIG_GLOBAL_CACHE_DIR)
    env["ZIG_LOCAL_CACHE_DIR"] = str(local_cache)
    return env


@dataclass(frozen=True)
class Sources:
    sqlite_vec_dir: Path      # sqlite-vec.c, sqlite-vec.h, sqlite3.h, sqlite3ext.h
    amalgamation: Path        # sqlite3.c (smoke-test harness only)
    amalgamation_include: Path
    apache_license: Path
    sqlite_header_version: str

    @property
    def headers_label(self):
        return (f"sqlite-vec {pins.SQLITE_VEC_VERSION} crate "
                f"(sqlite3.h/sqlite3ext.h of SQLite {self.sqlite_header_version})")


def sources():
    """Resolves the pinned crates with `cargo metadata` (downloads and verifies
    them against Cargo.lock's checksums; nothing is compiled)."""
    if shutil.which("cargo") is None:
        raise SystemExit("cargo not found: it is needed to fetch the pinned sqlite-vec sources")
    out = subprocess.run(["cargo", "metadata", "--format-version", "1", "--locked",
                          "--manifest-path", str(pins.ZIG_CROSS_DIR / "Cargo.toml")],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"cargo metadata failed:\n{out.stderr}")
    packages = {p["name"]: p for p in json.loads(out.stdout)["packages"]}

    def package_dir(name, version=None):
        pkg = packages.get(name)
        if pkg is None or (version and pkg["version"] != version):
            got = pkg["version"] if pkg else "nothing"
            raise SystemExit(f"Cargo.lock resolves {name} to {got}, pins.py expects {version}")
        return Path(pkg["manifest_path"]).parent

    vec = package_dir("sqlite-vec", pins.SQLITE_VEC_VERSION)
    sys_dir = package_dir("libsqlite3-sys", pins.LIBSQLITE3_SYS_VERSION)
    apache = package_dir(pins.APACHE_TEXT_PACKAGE) / "LICENSE-APACHE"
    for f in ("sqlite-vec.c", "sqlite-vec.h", "sqlite3.h", "sqlite3ext.h"):
        if not (vec / f).is_file():
            raise SystemExit(f"{vec} lacks {f}")
    header = (vec / "sqlite-vec.h").read_text()
    if f'#define SQLITE_VEC_VERSION "v{pins.SQLITE_VEC_VERSION}"' not in header:
        raise SystemExit(f"{vec / 'sqlite-vec.h'} is not sqlite-vec {pins.SQLITE_VEC_VERSION}")
    return Sources(vec, sys_dir / "sqlite3" / "sqlite3.c", sys_dir / "sqlite3", apache,
                   _define(vec / "sqlite3.h", "SQLITE_VERSION"))


def _define(path, name):
    for line in path.read_text(errors="replace").splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "#define" and parts[1] == name:
            return parts[2].strip('"')
    raise SystemExit(f"{path} defines no {name}")
