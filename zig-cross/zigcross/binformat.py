"""Small readers for the three object formats: ELF (through binutils' readelf,
which understands every architecture), PE and Mach-O (parsed here)."""

import re
import shutil
import struct
import subprocess


class FormatError(Exception):
    pass


# ---------------------------------------------------------------- ELF

def read_elf(path):
    """Returns header fields, DT_NEEDED, dynamic tags, exported and required
    symbol versions of a shared ELF object."""
    if shutil.which("readelf") is None:
        raise FormatError("readelf (Debian package binutils) is needed to inspect ELF files")
    with open(path, "rb") as f:
        if f.read(4) != b"\x7fELF":
            raise FormatError("not an ELF file")
    out = subprocess.run(["readelf", "-W", "-h", "-d", "-V", "--dyn-syms", str(path)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise FormatError(f"readelf failed: {out.stderr.strip()}")
    info = {"header": {}, "needed": [], "dynamic_tags": set(), "exports": set(),
            "version_needs": set()}
    section = None
    for line in out.stdout.splitlines():
        if line.startswith("ELF Header:"):
            section = "header"
        elif line.startswith("Dynamic section"):
            section = "dynamic"
        elif line.startswith("Symbol table '.dynsym'"):
            section = "dynsym"
        elif line.startswith("Version needs section"):
            section = "verneed"
        elif line.startswith("Version symbols section") or line.startswith("Version definition"):
            section = None
        elif section == "header" and ":" in line:
            key, _, value = line.partition(":")
            info["header"][key.strip()] = value.strip()
        elif section == "dynamic":
            m = re.match(r"\s*0x[0-9a-f]+\s+\((\w+)\)\s+(.*)", line)
            if m:
                info["dynamic_tags"].add(m.group(1))
                if m.group(1) == "NEEDED":
                    info["needed"].append(m.group(2).split("[", 1)[1].rstrip("]"))
        elif section == "dynsym":
            # Num: Value Size Type Bind Vis [<localentry>: N] Ndx Name  (ppc64 adds the bracket)
            m = re.match(r"\s*\d+:\s+\S+\s+\S+\s+(\w+)\s+(\w+)\s+(\w+)\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)", line)
            if m and m.group(4) != "UND" and m.group(2) in ("GLOBAL", "WEAK"):
                info["exports"].add((m.group(5).split("@", 1)[0], m.group(1), m.group(3)))
        elif section == "verneed":
            m = re.search(r"Name: (\S+)\s+Flags", line)
            if m:
                info["version_needs"].add(m.group(1))
    return info


# ---------------------------------------------------------------- PE

PE_MACHINES = {0x8664: "x86_64", 0x14C: "x86", 0xAA64: "aarch64"}


def read_pe(path):
    data = open(path, "rb").read()
    try:
        return _read_pe(data)
    except (struct.error, IndexError, ValueError) as e:
        raise FormatError(f"malformed PE file: {e}") from e


def _cstr(data, off):
    end = data.index(b"\0", off)
    return data[off:end].decode("ascii", "replace")


def _read_pe(data):
    if data[:2] != b"MZ":
        raise FormatError("no MZ header")
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        raise FormatError("no PE signature")
    machine, nsect, timestamp, _, _, opt_size, chars = struct.unpack_from("<HHIIIHH", data, pe + 4)
    opt = pe + 24
    magic = struct.unpack_from("<H", data, opt)[0]
    if magic == 0x10B:
        ndirs_off = opt + 92
    elif magic == 0x20B:
        ndirs_off = opt + 108
    else:
        raise FormatError(f"unknown optional header magic {magic:#x}")
    ndirs = struct.unpack_from("<I", data, ndirs_off)[0]
    dirs = [struct.unpack_from("<II", data, ndirs_off + 4 + 8 * i) for i in range(ndirs)]
    sections = []
    for i in range(nsect):
        s = opt + opt_size + 40 * i
        vsize, vaddr, rawsize, rawptr = struct.unpack_from("<IIII", data, s + 8)
        sections.append((vaddr, max(vsize, rawsize), rawptr))

    def off(rva):
        for vaddr, size, rawptr in sections:
            if vaddr <= rva < vaddr + size:
                return rawptr + rva - vaddr
        raise FormatError(f"RVA {rva:#x} is in no section")

    exports, dll_name = set(), None
    if ndirs > 0 and dirs[0][0]:
        e = off(dirs[0][0])
        (_, _, _, _, name_rva, _, _, nnames, _, names_rva, _) = struct.unpack_from("<IIHHIIIIIII", data, e)
        dll_name = _cstr(data, off(name_rva))
        for i in range(nnames):
            exports.add(_cstr(data, off(struct.unpack_from("<I", data, off(names_rva) + 4 * i)[0])))
    imports = []
    for d in (1, 13):  # import table, delay-load import table
        if ndirs > d and dirs[d][0]:
            p = off(dirs[d][0])
            step, name_at = (20, 12) if d == 1 else (32, 4)
            while True:
                entry = data[p:p + step]
                if entry.strip(b"\0") == b"":
                    break
                imports.append(_cstr(data, off(struct.unpack_from("<I", entry, name_at)[0])))
                p += step
    return {"machine": PE_MACHINES.get(machine, f"{machine:#x}"), "is_dll": bool(chars & 0x2000),
            "pe32plus": magic == 0x20B, "timestamp": timestamp, "exports": exports,
            "dll_name": dll_name, "imports": imports}


# ---------------------------------------------------------------- Mach-O

MACHO_CPUS = {0x01000007: "x86_64", 0x0100000C: "aarch64"}
LC_LOAD_DYLIBS = {0xC: "load", 0x80000018: "weak", 0x8000001F: "reexport", 0x80000023: "lazy"}


def read_macho(path):
    data = open(path, "rb").read()
    try:
        return _read_macho(data)
    except (struct.error, IndexError, ValueError) as e:
        raise FormatError(f"malformed Mach-O file: {e}") from e


def _uleb(data, p):
    result = shift = 0
    while True:
        b = data[p]
        p += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, p


def _trie_names(data, start, size):
    names, stack, seen = set(), [(0, "")], set()
    while stack:
        node, prefix = stack.pop()
        if node in seen or node >= size:
            raise FormatError("export trie loops or points outside itself")
        seen.add(node)
        p = start + node
        terminal, p = _uleb(data, p)
        if terminal:
            names.add(prefix)
        p += terminal
        children = data[p]
        p += 1
        for _ in range(children):
            end = data.index(b"\0", p)
            edge = data[p:end].decode("ascii", "replace")
            child, p = _uleb(data, end + 1)
            stack.append((child, prefix + edge))
    return names


def _version(v):
    return f"{v >> 16}.{(v >> 8) & 0xFF}.{v & 0xFF}"


def _read_macho(data):
    magic = struct.unpack_from("<I", data, 0)[0]
    if magic != 0xFEEDFACF:
        raise FormatError(f"not a 64-bit little-endian Mach-O file (magic {magic:#x})")
    cpu, _, filetype, ncmds, _, flags, _ = struct.unpack_from("<IIIIIII", data, 4)
    info = {"machine": MACHO_CPUS.get(cpu, f"{cpu:#x}"), "is_dylib": filetype == 6,
            "dylibs": [], "install_name": None, "uuid": None, "uuid_offset": None,
            "code_signature": None, "min_os": None, "exports": set()}
    p = 32
    for _ in range(ncmds):
        cmd, size = struct.unpack_from("<II", data, p)
        if cmd in LC_LOAD_DYLIBS or cmd == 0xD:
            name = _cstr(data, p + struct.unpack_from("<I", data, p + 8)[0])
            if cmd == 0xD:
                info["install_name"] = name
            else:
                info["dylibs"].append(name)
        elif cmd == 0x1B:
            info["uuid"] = data[p + 8:p + 24].hex()
            info["uuid_offset"] = p + 8
        elif cmd == 0x1D:
            info["code_signature"] = struct.unpack_from("<II", data, p + 8)
        elif cmd == 0x32:
            info["min_os"] = _version(struct.unpack_from("<I", data, p + 12)[0])
        elif cmd == 0x24 and info["min_os"] is None:
            info["min_os"] = _version(struct.unpack_from("<I", data, p + 8)[0])
        elif cmd in (0x22, 0x80000022):
            export_off, export_size = struct.unpack_from("<II", data, p + 40)
            if export_size:
                info["exports"] |= _trie_names(data, export_off, export_size)
        elif cmd == 0x80000033:
            export_off, export_size = struct.unpack_from("<II", data, p + 8)
            if export_size:
                info["exports"] |= _trie_names(data, export_off, export_size)
        p += size
    return info
