"""The platform matrix. Platform ids are part of the driver's contract."""

from dataclasses import dataclass

# Reassociation lets the cosine/L1/int8 loops vectorize (measured in
# ARCHITECTURE.md §4), but only inside the distance loops: patches/0002 turns it
# on there, so vec_normalize() & co. keep the results sqlite-vec documents.
# Never -ffast-math/-ffinite-math-only/-freciprocal-math for the whole file.
REASSOCIATE_DISTANCES = ("-DSQLITE_VEC_REASSOCIATE_DISTANCES",)
V3 = ("-mcpu=x86_64_v3", "-DSQLITE_VEC_ENABLE_AVX") + REASSOCIATE_DISTANCES
NEON = ("-DSQLITE_VEC_ENABLE_NEON",) + REASSOCIATE_DISTANCES
# musl and FreeBSD only declare sqlite-vec's u_int8_t & co. with the BSD types.
BSD_TYPES = ("-D_DEFAULT_SOURCE", "-include", "sys/types.h")
BASE = ("-mcpu=baseline",)
# ELF and Mach-O: export nothing but sqlite3_vec_init (see src/vec0-exports.h).
HIDDEN = ("-fvisibility=hidden", "-include", "vec0-exports.h")


@dataclass(frozen=True)
class Target:
    platform: str
    zig_target: str
    flags: tuple
    os: str        # linux-gnu, linux-musl, macos, windows, freebsd
    arch: str      # x86_64, x86, aarch64, arm, riscv64, ppc64le
    glibc: str = ""  # newest glibc symbol version allowed (glibc targets only)

    @property
    def link_flags(self):
        # lld otherwise stamps the PE header with the wall-clock time; /Brepro
        # puts a hash of the output there instead.
        return ("-Wl,/Brepro",) if self.os == "windows" else ()

    @property
    def all_flags(self):
        return self.flags + self.link_flags

    @property
    def file_name(self):
        return {"macos": "vec0.dylib", "windows": "vec0.dll"}.get(self.os, "vec0.so")

    @property
    def rel_path(self):
        return f"{self.platform}/{self.file_name}"


def _gnu(platform, arch, zig_arch, glibc, flags, abi="gnu"):
    return Target(platform, f"{zig_arch}-linux-{abi}.{glibc}", flags + HIDDEN, "linux-gnu", arch, glibc)


def _musl(platform, arch, zig_arch, flags):
    return Target(platform, f"{zig_arch}-linux-musl", flags + BSD_TYPES + HIDDEN, "linux-musl", arch)


TARGETS = (
    _gnu("linux-x86_64", "x86_64", "x86_64", "2.17", BASE),
    _gnu("linux-x86_64-v3", "x86_64", "x86_64", "2.17", V3),
    _gnu("linux-aarch64", "aarch64", "aarch64", "2.17", BASE + NEON),
    # ARMv7-A, Thumb-2, VFPv3-D16, no NEON: Debian armhf's baseline. sqlite-vec's
    # NEON kernels use AArch64-only intrinsics (vfmaq_f32, vaddvq_f32).
    _gnu("linux-armv7", "arm", "arm", "2.17", ("-mcpu=baseline-neon-d32",), abi="gnueabihf"),
    _gnu("linux-x86", "x86", "x86", "2.17", BASE),
    # The oldest glibc zig can target on these two architectures.
    _gnu("linux-riscv64", "riscv64", "riscv64", "2.27", BASE),
    _gnu("linux-ppc64le", "ppc64le", "powerpc64le", "2.19", BASE),
    _musl("linux-musl-x86_64", "x86_64", "x86_64", BASE),
    _musl("linux-musl-x86_64-v3", "x86_64", "x86_64", V3),
    _musl("linux-musl-aarch64", "aarch64", "aarch64", BASE + NEON),
    _musl("linux-musl-x86", "x86", "x86", BASE),
    Target("macos-x86_64", "x86_64-macos.11.0", BASE + HIDDEN, "macos", "x86_64"),
    Target("macos-aarch64", "aarch64-macos.11.0", BASE + NEON + HIDDEN, "macos", "aarch64"),
    Target("windows-x86_64", "x86_64-windows-gnu", BASE, "windows", "x86_64"),
    Target("windows-x86_64-v3", "x86_64-windows-gnu", V3, "windows", "x86_64"),
    Target("windows-aarch64", "aarch64-windows-gnu", BASE + NEON, "windows", "aarch64"),
    Target("windows-x86", "x86-windows-gnu", BASE, "windows", "x86"),
    Target("freebsd-x86_64", "x86_64-freebsd.13.0", BASE + BSD_TYPES + HIDDEN, "freebsd", "x86_64"),
    Target("freebsd-aarch64", "aarch64-freebsd.13.0", BASE + NEON + BSD_TYPES + HIDDEN, "freebsd", "aarch64"),
)


def select(platforms):
    if not platforms:
        return list(TARGETS)
    known = {t.platform: t for t in TARGETS}
    unknown = [p for p in platforms if p not in known]
    if unknown:
        raise SystemExit(f"unknown platform(s): {', '.join(unknown)}; known: {', '.join(known)}")
    return [known[p] for p in platforms]
