"""Checks that a built native is what its platform id promises."""

import re

from . import binformat

ENTRY_POINT = "sqlite3_vec_init"
# Everything sqlite-vec marks SQLITE_VEC_API (the numpy one is omitted with the FS code).
EXPORTS = {ENTRY_POINT, "sqlite3_vec_static_blobs_init"}
# Symbols Apple's dylib format always exports.
MACHO_LINKER_EXPORTS = {"__mh_dylib_header", "___dso_handle"}

# readelf's names for e_machine, and the ELF class each architecture uses.
ELF_MACHINES = {
    "x86_64": ("Advanced Micro Devices X86-64", "ELF64"),
    "x86": ("Intel 80386", "ELF32"),
    "aarch64": ("AArch64", "ELF64"),
    "arm": ("ARM", "ELF32"),
    "riscv64": ("RISC-V", "ELF64"),
    "ppc64le": ("PowerPC64", "ELF64"),
}
# libpthread is part of glibc; before 2.34 zig resolves __errno_location there.
GLIBC_NEEDED = re.compile(r"^(libc\.so\.6|libm\.so\.6|libdl\.so\.2|libpthread\.so\.0|ld-linux[-\w.]*\.so\.\d)$")
MUSL_NEEDED = re.compile(r"^(libc\.so|ld-musl-\w+\.so\.1)$")
FREEBSD_NEEDED = re.compile(r"^(libc\.so\.7|libm\.so\.5)$")
WINDOWS_DLLS = re.compile(r"^(kernel32|ntdll|msvcrt|ucrtbase|api-ms-win-crt-[a-z0-9-]+)\.dll$",
                          re.IGNORECASE)
MACOS_DYLIBS = {"/usr/lib/libSystem.B.dylib"}


def _version_tuple(v):
    return tuple(int(x) for x in v.split("."))


def check(target, path):
    """Returns (summary, problems): a one-line description, and a list of
    human-readable reasons the file is unfit (empty when it is fine)."""
    try:
        if target.os == "windows":
            return _check_pe(target, path)
        if target.os == "macos":
            return _check_macho(target, path)
        return _check_elf(target, path)
    except binformat.FormatError as e:
        return "unreadable", [str(e)]


def _check_elf(target, path):
    info = binformat.read_elf(path)
    h, problems = info["header"], []
    want_machine, want_class = ELF_MACHINES[target.arch]
    if h.get("Machine") != want_machine or h.get("Class") != want_class:
        problems.append(f"is {h.get('Class')} {h.get('Machine')}, expected {want_class} {want_machine}")
    if "little endian" not in h.get("Data", ""):
        problems.append(f"data encoding is {h.get('Data')!r}, expected little endian")
    if not h.get("Type", "").startswith("DYN"):
        problems.append(f"type is {h.get('Type')!r}, expected a shared object (DYN)")
    if target.arch == "arm" and "hard-float" not in h.get("Flags", ""):
        problems.append(f"ARM flags {h.get('Flags')!r} do not say hard-float ABI")
    exported = {name for name, kind, vis in info["exports"] if vis in ("DEFAULT", "PROTECTED")}
    if (ENTRY_POINT, "FUNC", "DEFAULT") not in info["exports"]:
        problems.append(f"does not export {ENTRY_POINT} as a global default-visibility function")
    if exported - EXPORTS:
        problems.append(f"exports more than sqlite-vec's entry points: {' '.join(sorted(exported - EXPORTS))}")
    for tag in ("TEXTREL", "RPATH", "RUNPATH"):
        if tag in info["dynamic_tags"]:
            problems.append(f"has a DT_{tag} entry")
    allowed = {"linux-gnu": GLIBC_NEEDED, "linux-musl": MUSL_NEEDED, "freebsd": FREEBSD_NEEDED}[target.os]
    extra = [n for n in info["needed"] if not allowed.match(n)]
    if extra:
        problems.append(f"needs {', '.join(extra)} beyond the C library (allowed: {allowed.pattern})")
    versions = sorted(info["version_needs"])
    if target.os == "linux-gnu":
        limit = _version_tuple(target.glibc)
        for v in versions:
            m = re.fullmatch(r"GLIBC_(\d+(?:\.\d+)+)", v)
            if not m:
                problems.append(f"requires symbol version {v}")
            elif _version_tuple(m.group(1)) > limit:
                problems.append(f"requires {v}, newer than the target minimum GLIBC_{target.glibc}")
    elif target.os == "linux-musl" and versions:
        problems.append(f"requires symbol versions {', '.join(versions)} (musl has none)")
    newest = max(versions, key=lambda v: [int(x) if x.isdigit() else 0 for x in re.split(r"[._]", v)],
                 default="no versioned symbols")
    summary = (f"{h.get('Class')} {h.get('Machine')}, needs {' '.join(info['needed']) or 'nothing'}, "
               f"newest symbol version {newest}")
    return summary, problems


def _check_pe(target, path):
    info = binformat.read_pe(path)
    problems = []
    if info["machine"] != target.arch:
        problems.append(f"PE machine is {info['machine']}, expected {target.arch}")
    if not info["is_dll"]:
        problems.append("IMAGE_FILE_DLL is not set")
    if info["pe32plus"] != (target.arch != "x86"):
        problems.append(f"optional header is {'PE32+' if info['pe32plus'] else 'PE32'}")
    if ENTRY_POINT not in info["exports"]:
        problems.append(f"does not export {ENTRY_POINT}")
    if info["exports"] - EXPORTS:
        problems.append(f"exports more than sqlite-vec's entry points: {' '.join(sorted(info['exports'] - EXPORTS))}")
    if info["dll_name"] != target.file_name:
        problems.append(f"export directory names the DLL {info['dll_name']!r}, expected {target.file_name}")
    extra = [d for d in info["imports"] if not WINDOWS_DLLS.match(d)]
    if extra:
        problems.append(f"imports non-system DLLs: {', '.join(extra)}")
    summary = f"PE {info['machine']}, imports {' '.join(sorted(set(info['imports'])))}"
    return summary, problems


def _check_macho(target, path):
    info = binformat.read_macho(path)
    problems = []
    if info["machine"] != target.arch:
        problems.append(f"Mach-O CPU is {info['machine']}, expected {target.arch}")
    if not info["is_dylib"]:
        problems.append("file type is not MH_DYLIB")
    if "_" + ENTRY_POINT not in info["exports"]:
        problems.append(f"export trie lacks _{ENTRY_POINT}")
    extra = info["exports"] - {"_" + e for e in EXPORTS} - MACHO_LINKER_EXPORTS
    if extra:
        problems.append(f"exports more than sqlite-vec's entry points: {' '.join(sorted(extra))}")
    extra = [d for d in info["dylibs"] if d not in MACOS_DYLIBS]
    if extra:
        problems.append(f"links {', '.join(extra)} beyond libSystem")
    if info["install_name"] and "/" in info["install_name"].replace("@rpath/", ""):
        problems.append(f"install name {info['install_name']!r} contains a build path")
    want_os = target.zig_target.split("macos.", 1)[1]
    if info["min_os"] is None or _version_tuple(info["min_os"]) > _version_tuple(want_os + ".0"):
        problems.append(f"minimum macOS is {info['min_os']}, expected {want_os}")
    summary = (f"Mach-O {info['machine']}, links {' '.join(info['dylibs'])}, min macOS {info['min_os']}, "
               f"{'signed' if info['code_signature'] else 'unsigned'}")
    return summary, problems
