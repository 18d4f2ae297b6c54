"""Our patches to the pinned sqlite-vec sources (zig-cross/patches/*.patch).

Each file is a short description followed by a unified diff against the
pinned sources (`--- a/sqlite-vec.c` / `+++ b/sqlite-vec.c`). They are applied
in file-name order, strictly: every hunk must match the stated lines exactly
(no offset, no fuzz), so a patch can never land somewhere else silently. Their
names and SHA-256 are recorded in the manifest, so --check sees a changed patch.
"""

import hashlib
import re
import shutil
from pathlib import Path

from . import pins

PATCH_DIR = pins.ZIG_CROSS_DIR / "patches"
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


class PatchError(Exception):
    pass


def patch_files():
    return sorted(PATCH_DIR.glob("*.patch"))


def manifest_lines():
    return [f"# patch\t{p.name}\t{hashlib.sha256(p.read_bytes()).hexdigest()}" for p in patch_files()]


def prepare(source_dir, names, dest):
    """Copies `names` from source_dir into dest and applies every patch there."""
    dest.mkdir(parents=True)
    for name in names:
        shutil.copyfile(Path(source_dir) / name, dest / name)
    for patch in patch_files():
        apply(patch, dest)
    return dest


def apply(patch, root):
    files = _parse(patch)
    if not files:
        raise PatchError(f"{patch.name}: no unified diff found")
    for name, hunks in files:
        target = root / name
        if not target.is_file():
            raise PatchError(f"{patch.name}: patches {name}, which is not among the sources")
        lines = target.read_text(encoding="utf-8").split("\n")
        shift = 0
        for old_start, old_lines, new_lines in hunks:
            at = old_start - 1 + shift
            if lines[at:at + len(old_lines)] != old_lines:
                raise PatchError(f"{patch.name}: hunk at {name}:{old_start} does not match the pinned "
                                 f"source (was the sqlite-vec pin changed? rebase the patch)")
            lines[at:at + len(old_lines)] = new_lines
            shift += len(new_lines) - len(old_lines)
        target.write_text("\n".join(lines), encoding="utf-8")


def _parse(patch):
    """[(file name, [(old start, old lines, new lines)])] of one patch file."""
    text = patch.read_text(encoding="utf-8").split("\n")
    files, i = [], 0
    while i < len(text):
        if text[i].startswith("--- ") and i + 1 < len(text) and text[i + 1].startswith("+++ "):
            name = text[i + 1][4:].split("\t")[0].strip()
            name = name[2:] if name.startswith("b/") else name
            hunks = []
            i += 2
            while i < len(text) and text[i].startswith("@@"):
                m = _HUNK.match(text[i])
                if not m:
                    raise PatchError(f"{patch.name}: bad hunk header {text[i]!r}")
                old_count = int(m.group(2) or 1)
                new_count = int(m.group(4) or 1)
                old, new = [], []
                i += 1
                while len(old) < old_count or len(new) < new_count:
                    if i >= len(text):
                        raise PatchError(f"{patch.name}: hunk ends early")
                    line = text[i]
                    tag, body = (line[:1], line[1:]) if line else (" ", "")
                    if tag == " ":
                        old.append(body)
                        new.append(body)
                    elif tag == "-":
                        old.append(body)
                    elif tag == "+":
                        new.append(body)
                    elif tag != "\\":
                        raise PatchError(f"{patch.name}: unexpected line in hunk: {line!r}")
                    i += 1
                if len(old) != old_count or len(new) != new_count:
                    raise PatchError(f"{patch.name}: hunk line counts do not match its header")
                hunks.append((int(m.group(1)), old, new))
            files.append((name, hunks))
        else:
            i += 1
    return files
