"""PDFs of plain lines, page by page, as fpdf2 writes them."""

from __future__ import annotations

from fpdf import FPDF


def text_pdf(lines_per_page: list[list[str]]) -> bytes:
    """A PDF of one page per list, each line set in Helvetica below the one before."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in lines_per_page:
        pdf.add_page()
        for number, line in enumerate(lines):
            pdf.text(20, 20 + 7 * number, line)
    return bytes(pdf.output())
