import pytest

from members.text import fold, normalise_vietnamese_mobile


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("  ĐỖ   Thị Mai ", "do thi mai"),
        ("Đặng Văn Lực", "dang van luc"),
        ("Trương Văn Phúc", "truong van phuc"),
    ],
)
def test_it_folds_names_without_diacritics_or_case(name, key):
    assert fold(name) == key


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("0912 345 678", "+84912345678"),
        ("091.234.5678", "+84912345678"),
        ("+84 912-345-678", "+84912345678"),
        ("84912345678", "+84912345678"),
        ("0351234567", "+84351234567"),
    ],
)
def test_it_normalises_vietnamese_mobile_numbers(raw, normalised):
    assert normalise_vietnamese_mobile(raw) == normalised


@pytest.mark.parametrize(
    "raw",
    ["", "12345", "+1 202 555 0147", "0212345678", "091234567", "09123456789", "+33612345678"],
)
def test_it_refuses_numbers_that_are_not_vietnamese_mobiles(raw):
    assert normalise_vietnamese_mobile(raw) is None
