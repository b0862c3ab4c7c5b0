"""Word and PDF files, made here as offices make them, give the report they hold."""

from __future__ import annotations

import io

import pytest
from documents import make_docx, make_pdf, make_scanned_pdf
from helpers import check_same_report
from measure import TEXTS, title_and_text

from lawreport.extract import extract, sniff

MAKERS = {"docx": make_docx, "pdf": make_pdf}


@pytest.mark.parametrize("text_name", list(TEXTS))
@pytest.mark.parametrize("form", list(MAKERS))
def test_document_gives_the_wrapped_report(run_cli, tmp_path, form, text_name):
    _, text = title_and_text(text_name)
    data = MAKERS[form](text)
    path = tmp_path / "report.bin"  # recognised by content, not by the name
    path.write_bytes(data)
    assert sniff(data) == form
    report = check_same_report(run_cli, path, text, ["某市人民政府文件", "- 1 -", "- 2 -"], tmp_path)
    assert report.provenance["form"] == form


def test_pdf_page_furniture_is_dropped_and_listed():
    _, text = title_and_text("seed")
    result = extract(make_pdf(text), "r.pdf")
    assert "- 2 -" in result.dropped_chrome and "某市人民政府文件" in result.dropped_chrome
    assert "- 2 -" not in result.text and "某市人民政府文件" not in result.text


def test_docx_table_rows_become_lines():
    import docx

    document = docx.Document()
    document.add_paragraph("（五）化解行政争议。全市共收到行政复议申请325件。")
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, [("指标", "2022年", "2023年"), ("行政复议申请", "298件", "325件")]):
        for cell, value in zip(row.cells, cells):
            cell.text = value
    document.add_paragraph("二、存在的不足和原因")
    buffer = io.BytesIO()
    document.save(buffer)
    lines = extract(buffer.getvalue(), "t.docx").text.split("\n")
    assert lines == ["（五）化解行政争议。全市共收到行政复议申请325件。", "指标\t2022年\t2023年",
                     "行政复议申请\t298件\t325件", "二、存在的不足和原因"]


def test_docx_bold_run_in_heading_is_its_own_line():
    _, text = title_and_text("liyang")
    lines = extract(make_docx(text), "r.docx").text.split("\n")
    assert "（一）强化组织领导，压实法治建设责任。" in lines


def test_scanned_pdf_is_one_error_line(run_cli, tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_scanned_pdf())
    code, out, err = run_cli("parse", path)
    assert code == 1 and out == ""
    lines = err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"{path}: error: this PDF has no text layer"), err


@pytest.mark.parametrize("data, message", [
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj garbage", "cannot read this PDF"),
    (b"PK\x03\x04" + b"\x00" * 60, "binary"),  # a zip that is no .docx: left to the text reader
])
def test_damaged_documents_are_one_error_line(run_cli, tmp_path, data, message):
    path = tmp_path / "bad"
    path.write_bytes(data)
    code, _, err = run_cli("parse", path)
    lines = err.strip().split("\n")
    assert code == 1 and len(lines) == 1 and message in lines[0] and "Traceback" not in err, err
