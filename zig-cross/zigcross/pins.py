"""Every pinned input of the native build, and the paths derived from them."""

from pathlib import Path

# zig comes from the PyPI package `ziglang`, installed into .cache/ on first use.
ZIG_VERSION = "0.15.2"

# Must match Cargo.toml; checked against `cargo metadata` at every run.
SQLITE_VEC_VERSION = "0.1.9"
LIBSQLITE3_SYS_VERSION = "0.40.0"

# The Apache-2.0 text shipped next to the natives is copied from this package
# (the sqlite-vec crate itself ships no licence files; see NOTICE-sqlite-vec).
APACHE_TEXT_PACKAGE = "cc"

ZIG_CROSS_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = ZIG_CROSS_DIR.parent
CACHE_DIR = ZIG_CROSS_DIR / ".cache"
ZIG_INSTALL_DIR = CACHE_DIR / f"ziglang-{ZIG_VERSION}"
# zig's global cache holds libc/compiler-rt builds; it only depends on zig itself.
ZIG_GLOBAL_CACHE_DIR = CACHE_DIR / f"zig-global-{ZIG_VERSION}"
SMOKE_CACHE_DIR = CACHE_DIR / "smoke"
NATIVES_DIR = (REPO_DIR / "driver" / "src" / "main" / "resources" / "META-INF"
               / "sqlitevec" / "natives" / SQLITE_VEC_VERSION)
MANIFEST_NAME = "manifest.tsv"

# Flags every native is compiled with (the per-target ones live in targets.py).
# -g0 plus stripping and building from a fixed relative file name keep the
# output free of paths; SQLITE_CORE stays undefined (loadable-extension build).
# -ffp-contract=off: no fused multiply-add where the source has a multiply and
# an add, so CPUs with FMA (x86-64-v3, aarch64, ppc64le, riscv64) round every
# SQL function result exactly like the official x86-64 binary does.
COMMON_COMPILE_FLAGS = ("-O3", "-fPIC", "-g0", "-ffp-contract=off", "-DSQLITE_VEC_OMIT_FS")
COMMON_LINK_FLAGS = ("-shared", "-s")
