import pytest

from returndesk.settings.code_csv import CodeCsvError, read_codes, write_codes


def test_read_first_column_with_header_bom_and_descriptions():
    text = "\ufeffcode,description\nBAD_FIT,Does not fit\n\nDEFECTIVE,Broken\nBAD_FIT,again\n"
    assert read_codes(text) == ["BAD_FIT", "DEFECTIVE"]


def test_round_trip():
    codes = ["NOT_USED", "USED", "DAMAGED"]
    assert read_codes(write_codes(codes)) == codes
    assert write_codes(codes).splitlines()[0] == "code"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no codes found"),
        ("code\n", "no codes found"),
        ("x" * 65 + "\n", "64 characters at most"),
        ("".join(f"C{n}\n" for n in range(501)), "more than 500"),
    ],
)
def test_bad_files_are_refused(text, message):
    with pytest.raises(CodeCsvError, match=message):
        read_codes(text)
