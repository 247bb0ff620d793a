"""Text helpers: the diacritic-free search key and Vietnamese phone numbers."""

import re
import unicodedata

# "đ" is a letter of its own, not "d" with a mark: NFD leaves it alone, so fold it by hand.
_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})
_MOBILE = re.compile(r"^0(3|5|7|8|9)\d{8}$")


def fold(text: str) -> str:
    """The search key of a name: lower case, no diacritics, single spaces.

    "Nguyễn Văn Đức" → "nguyen van duc". Stored beside the name so that search ignores
    diacritics and case on SQLite and PostgreSQL alike (no `unaccent` needed).
    """
    text = (text or "").translate(_LETTERS)
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def normalise_vietnamese_mobile(raw: str) -> str | None:
    """+84XXXXXXXXX for a Vietnamese mobile number written any usual way, else None.

    Accepts "0912 345 678", "091.234.5678", "+84 912-345-678", "84912345678".
    """
    digits = re.sub(r"[\s.\-()]", "", raw or "")
    if digits.startswith("+84"):
        digits = "0" + digits[3:]
    elif digits.startswith("84") and len(digits) == 11:
        digits = "0" + digits[2:]
    if not _MOBILE.match(digits):
        return None
    return "+84" + digits[1:]
