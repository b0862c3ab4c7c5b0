"""The command line: parse and export, exit codes, and one clear line for every kind of bad input."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_SOURCE = ROOT / "content" / "reports" / "zjg-2023" / "source.txt"
SEED_YAML = ROOT / "content" / "reports" / "zjg-2023" / "report.yaml"
FIXTURES = ROOT / "tests" / "fixtures" / "reports"


def _one_error_line(err: str, path) -> str:
    lines = err.strip().split("\n")
    assert len(lines) == 1, err
    assert lines[0].startswith(str(path)) and ": error: " in lines[0], err
    assert "Traceback" not in err
    return lines[0]


def test_parse_writes_yaml_and_diagnostics(run_cli, tmp_path):
    code, out, err = run_cli("parse", SEED_SOURCE)
    assert code == 0 and out.startswith("# lawreport report data")
    assert f"{SEED_SOURCE}:47: note: stripped page noise (footer)" in err
    target = tmp_path / "report.yaml"
    code, out2, _ = run_cli("parse", SEED_SOURCE, "-o", target)
    assert code == 0 and out2 == "" and target.read_text(encoding="utf-8") == out


def test_quiet_hides_notes_but_not_warnings(run_cli):
    code, _, err = run_cli("parse", SEED_SOURCE, "-q")
    assert code == 0
    assert err.strip().split("\n") == [line for line in err.strip().split("\n") if ": warning: " in line]
    assert f"{SEED_SOURCE}:32: warning: " in err


def test_strict_fails_on_warnings_and_writes_nothing(run_cli, tmp_path):
    target = tmp_path / "report.yaml"
    code, out, err = run_cli("parse", SEED_SOURCE, "--strict", "-o", target)
    assert code == 1 and out == "" and not target.exists()
    assert err.strip().endswith("error: 1 warning(s) with --strict; nothing written")


def test_strict_passes_a_clean_report(run_cli):
    code, out, _ = run_cli("parse", FIXTURES / "kunshan-2022-topical" / "source.txt", "--strict")
    assert code == 0 and "昆山市人民政府" in out


def test_export_json(run_cli, tmp_path):
    code, out, _ = run_cli("export", SEED_YAML, "--json", "--script", "zh-Hans")
    assert code == 0 and json.loads(out)["issuer"] == "张家港市人民政府"
    code, _, _ = run_cli("export", SEED_YAML, "--json", "-o", tmp_path / "r.json")
    assert code == 0 and json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["id"] == "zjg-2023"


def _write(tmp_path: Path, data: bytes, name: str = "source.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


NOT_A_REPORT = "今天天气晴朗，气温二十度。市民纷纷走出家门，到公园散步赏花。\n傍晚下了一场小雨。\n".encode()


@pytest.mark.parametrize("data, message", [
    (b"", "file is empty"),
    (b" \r\n\t\n", "file is empty"),
    (gzip.compress(b"not text" * 100), "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "binary"),
    (bytes(b for b in random.Random(1).randbytes(4000) if b), "not valid UTF-8, UTF-16 or GB18030"),
    ("正文".encode("utf-8") + b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 10, "binary"),
    (b"\xff\xfe" + "文".encode("utf-16-le") + b"\x00\xd8", "invalid utf-16"),
    (NOT_A_REPORT, "does not look like a report"),
    ("苏公网安备 32058202010198号\n打印本页\n".encode(), "every line is page chrome"),
    # a web page is extracted now (tests/extract); one with no article in it is refused
    ("<!DOCTYPE html><html><body>\n<p>一、主要举措</p>\n<p>（一）依法行政。</p></body></html>".encode(),
     "no article in this web page"),
])
def test_bad_source_gives_one_error_line(run_cli, tmp_path, data, message):
    path = _write(tmp_path, data)
    code, out, err = run_cli("parse", path)
    assert code == 1 and out == ""
    assert message in _one_error_line(err, path)


def test_twenty_megabyte_file_is_refused(run_cli, tmp_path):
    line = SEED_SOURCE.read_bytes()
    path = _write(tmp_path, line * (20 * 1024 * 1024 // len(line) + 1))
    code, _, err = run_cli("parse", path)
    assert code == 1 and "MB; a report is at most" in _one_error_line(err, path)


def test_missing_source(run_cli, tmp_path):
    code, _, err = run_cli("parse", tmp_path / "nope.txt")
    assert code == 1 and "cannot read" in _one_error_line(err, tmp_path / "nope.txt")


@pytest.mark.parametrize("text, where", [
    ("title: [unclosed\n", ":1:"),
    ("schema_version: 1\ntitle: t\nscript: zh-Hans\nsections: []\ncolour: red\n", ":5:1: error: colour: unknown key"),
    ("schema_version: 1\ntitle: t\nscript: zh-Hans\nsections:\n- number: 一、\n  title: x\n",
     ":5:3: error: sections[0]: missing key 'id'"),
    ("", ": error: file is empty"),
])
def test_export_of_invalid_yaml(run_cli, tmp_path, text, where):
    path = _write(tmp_path, text.encode(), "report.yaml")
    code, out, err = run_cli("export", path, "--json")
    assert code == 1 and out == ""
    assert where in _one_error_line(err, path)


def test_export_of_binary_yaml(run_cli, tmp_path):
    path = _write(tmp_path, b"\x89PNG\r\n\x1a\n\xff\xfe\x00", "report.yaml")
    code, _, err = run_cli("export", path, "--json")
    assert code == 1 and "not UTF-8" in _one_error_line(err, path)


def test_usage_error_exit_code(run_cli):
    with pytest.raises(SystemExit) as exit_:
        run_cli("export", SEED_YAML)  # --json is required
    assert exit_.value.code == 2


def test_real_process_prints_no_traceback(tmp_path):
    path = _write(tmp_path, gzip.compress(b"x" * 1000))
    proc = subprocess.run([sys.executable, "-m", "lawreport.cli", "parse", str(path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("command", [("parse", SEED_SOURCE), ("export", SEED_YAML, "--json")])
def test_unwritable_output_is_a_clear_error(run_cli, tmp_path, command):
    target = tmp_path / "missing-folder" / "out.txt"
    code, out, err = run_cli(*command, "-q" if command[0] == "parse" else "--json", "-o", target)
    assert code == 2 and out == ""  # the environment, not the content: exit 2
    assert "cannot write: No such file or directory" in err.strip().split("\n")[-1]
    assert "Traceback" not in err and "internal error" not in err


def test_a_folder_is_not_a_source(run_cli, tmp_path):
    code, _, err = run_cli("parse", tmp_path)
    assert code == 1 and "cannot read" in _one_error_line(err, tmp_path)
