"""One A4 page in DejaVu Sans (the font every slip and receipt embeds: Vietnamese needs it), written a
line or a labelled row at a time: the official slips (portal.dossiers.slips) and the payment receipts
(portal.payments.receipt_pdf) are laid out with it."""

from __future__ import annotations

from pathlib import Path

FONT_NAMES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
# shipped beside the package in Lambda (functions/Makefile copies them), else Debian's fonts-dejavu-core
FONT_DIRS = (Path(__file__).resolve().parent.parent / "fonts", Path("/usr/share/fonts/truetype/dejavu"))


def font_path(name: str) -> Path:
    for folder in FONT_DIRS:
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(f"{name} is missing: install fonts-dejavu-core (infra/bootstrap.sh)")


class PdfPage:
    def __init__(self, title: str, author: str, size: float, line_height: float, label_end: str = ": ") -> None:
        from fpdf import FPDF

        self.pdf = FPDF(format="A4")
        self.pdf.set_title(title)
        self.pdf.set_author(author)
        self.pdf.add_font("DejaVu", "", str(font_path(FONT_NAMES[0])))
        self.pdf.add_font("DejaVu", "B", str(font_path(FONT_NAMES[1])))
        self.pdf.add_page()
        self.width = self.pdf.epw
        self._size, self._height, self._label_end = size, line_height, label_end

    def line(self, text: str, size: float | None = None, style: str = "", align: str = "L") -> None:
        self.pdf.set_font("DejaVu", style, size or self._size)
        self.pdf.multi_cell(self.width, self._height, text, align=align, new_x="LMARGIN", new_y="NEXT")

    def row(self, label: str, value: str) -> None:
        self.pdf.set_font("DejaVu", "B", self._size)
        self.pdf.multi_cell(self.width, self._height, f"{label}{self._label_end}", new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_font("DejaVu", "", self._size)
        self.pdf.multi_cell(self.width, self._height, value or "—", new_x="LMARGIN", new_y="NEXT")
