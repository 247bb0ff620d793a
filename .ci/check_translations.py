"""Fail when a Vietnamese catalogue is incomplete or its committed .mo is stale.

1. Every committed vi .mo holds exactly what its .po says (so a fresh machine needs no gettext).
2. `makemessages` finds no string that the vi catalogue lacks, and nothing is fuzzy or empty.
   It runs on a throwaway copy of the tracked files, so a working tree is never rewritten.
"""

import gettext
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib

# A CI script running git and manage.py: no untrusted input reaches these subprocesses.
# ruff: noqa: S603, S607

ROOT = Path(__file__).resolve().parent.parent
MAKEMESSAGES = [
    sys.executable,
    "manage.py",
    "makemessages",
    "-l",
    "vi",
    "--no-obsolete",
    "--ignore",
    "static/*",
    "--ignore",
    "tests/*",
    "--ignore",
    "var/*",
    "--ignore",
    "staticfiles/*",
]


def catalogues() -> list[Path]:
    tracked = subprocess.run(
        ["git", "ls-files", "*/vi/LC_MESSAGES/django.po"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / p for p in tracked]


def stale_mo(po_path: Path) -> list[str]:
    mo_path = po_path.with_suffix(".mo")
    if not mo_path.exists():
        return [f"{mo_path.relative_to(ROOT)} is missing: run `make messages` and commit it"]
    with mo_path.open("rb") as f:
        compiled = gettext.GNUTranslations(f)._catalog
    problems = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete or not entry.translated():
            continue
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            key = (key, 0)
            expected = entry.msgstr_plural[0]
        else:
            expected = entry.msgstr
        if compiled.get(key) != expected:
            problems.append(f"{mo_path.relative_to(ROOT)} is stale for {entry.msgid!r}")
    return problems[:5]


def incomplete(po_path: Path, *, shown_as: Path) -> list[str]:
    problems = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"untranslated: {entry.msgid!r}")
    return [f"{shown_as.relative_to(ROOT)}: {p}" for p in problems]


def tracked_copy(target: Path) -> None:
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def main() -> int:
    problems: list[str] = []
    for po in catalogues():
        problems += stale_mo(po)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        tracked_copy(copy)
        subprocess.run(MAKEMESSAGES, cwd=copy, check=True, capture_output=True)
        for po in catalogues():
            problems += incomplete(copy / po.relative_to(ROOT), shown_as=po)
    for problem in problems:
        print(problem)
    if problems:
        print(
            f"\n{len(problems)} problem(s) in the Vietnamese catalogues: run `make messages`, "
            "translate every entry (no fuzzy), and commit the .po and .mo files."
        )
        return 1
    names = ", ".join(str(p.relative_to(ROOT)) for p in catalogues())
    print(f"Vietnamese catalogues complete: {names}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
