"""Fail when a Vietnamese catalogue is incomplete or its committed .mo is stale.

1. Every committed vi .mo holds exactly what its .po says (so a fresh machine needs no gettext).
2. `makemessages` finds no string that the vi catalogue lacks, and nothing is fuzzy or empty.
"""

import gettext
import subprocess
import sys
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


def incomplete(po_path: Path) -> list[str]:
    problems = []
    for entry in polib.pofile(str(po_path)):
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif not entry.translated():
            problems.append(f"untranslated: {entry.msgid!r}")
    return [f"{po_path.relative_to(ROOT)}: {p}" for p in problems]


def main() -> int:
    problems: list[str] = []
    for po in catalogues():
        problems += stale_mo(po)
    subprocess.run(MAKEMESSAGES, cwd=ROOT, check=True, capture_output=True)
    for po in catalogues():
        problems += incomplete(po)
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
