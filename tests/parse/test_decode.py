"""parse.decode: the encodings reports arrive in, line ends, and clear errors for what is not text."""

from __future__ import annotations

import codecs

import pytest

from lawreport.core.errors import LawreportError
from lawreport.parse.decode import MAX_BYTES, decode

TEXT = "張家港市人民政府關於2023年度法治政府建设情况的报告\n一、主要举措\n"


@pytest.mark.parametrize("data, encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    (TEXT.encode("gb18030"), "gb18030"),
])
def test_encodings(data, encoding):
    decoded = decode(data, "s.txt")
    assert decoded.text == TEXT and decoded.encoding == encoding


def test_gbk_bytes_decode_as_gb18030():
    simplified = "张家港市人民政府关于2023年度法治政府建设情况的报告（此件公开发布）\n"
    decoded = decode(simplified.encode("gbk"), "s.txt")
    assert decoded.text == simplified and decoded.encoding == "gb18030"


@pytest.mark.parametrize("newline, name", [("\n", "\n"), ("\r\n", "\r\n"), ("\r", "\r")])
def test_line_ends_are_normalised_and_recorded(newline, name):
    decoded = decode(TEXT.replace("\n", newline).encode("utf-8"), "s.txt")
    assert decoded.text == TEXT and decoded.newline == name


def test_bom_is_not_part_of_the_text():
    assert not decode(codecs.BOM_UTF8 + b"abc", "s.txt").text.startswith("\ufeff")


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b"\n \n", "file is empty"),
    (b"abc\x00def", "NUL bytes"),
    (b"\x81\x30", "not valid UTF-8, UTF-16 or GB18030"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfd", "invalid utf-8"),
    (b"a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0ej\x0f", "binary"),
])
def test_errors(data, message):
    with pytest.raises(LawreportError, match=message) as err:
        decode(data, "s.txt")
    assert str(err.value).startswith("s.txt")


def test_error_names_the_line_of_a_bad_byte():
    with pytest.raises(LawreportError) as err:
        decode("第一行\n第二行\n".encode("utf-8") + b"\x81\x30\n", "s.txt")
    assert err.value.line == 3


def test_too_large():
    with pytest.raises(LawreportError, match="MB"):
        decode(b"a" * (MAX_BYTES + 1), "s.txt")
