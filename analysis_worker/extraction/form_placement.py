"""Where text drawn inside a form XObject stands on the page.

pypdf reads a form's text with the form's own matrices, as if the form were the page: the
page's transformation when the form is drawn (`cm` before `Do`) and the form's /Matrix are
lost. Browsers draw whole blocks as forms (Chromium for a box with opacity or a
transform), so their text would come out at the foot of the page, in the wrong size. This
tracker follows pypdf's operator callbacks and gives each run the matrix that places it
on the page."""

from __future__ import annotations

from typing import Any

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(inner: Matrix, outer: Matrix) -> Matrix:
    """`inner` then `outer`, as PDF concatenates matrices."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u


class FormPlacement:
    """Follows the `Do` operators of one page's text extraction: `before` and `after` are
    pypdf's operator callbacks, `page_matrix(cm)` the matrix placing a run reported with
    the current matrix `cm`."""

    def __init__(self, xobjects: Any) -> None:
        self._xobjects = xobjects  # the page's /XObject resources
        self._drawn: list[Matrix] = []  # per form being drawn: its space on the page
        self._pending: Matrix | None = None  # a form about to be drawn, until its first operator

    def before(self, operator: bytes, operands: list[Any], cm: list[float], _tm: list[float]) -> None:
        if self._pending is not None:
            # pypdf reports the text pending before `Do` first, then the form's operators.
            self._drawn.append(self._pending)
            self._pending = None
        if operator == b"Do" and operands:
            self._pending = multiply(self._form_matrix(operands[0]), multiply(_matrix(cm), self._outer()))

    def after(self, operator: bytes, _operands: list[Any], _cm: list[float], _tm: list[float]) -> None:
        if operator != b"Do":
            return
        if self._pending is not None:  # a form without operators (an image, an empty form)
            self._pending = None
        elif self._drawn:
            self._drawn.pop()

    def page_matrix(self, cm: list[float]) -> Matrix:
        return multiply(_matrix(cm), self._outer())

    def _outer(self) -> Matrix:
        return self._drawn[-1] if self._drawn else _IDENTITY

    def _form_matrix(self, name: Any) -> Matrix:
        """The form's /Matrix, for forms of the page's own resources; a form inside a form
        is taken as unscaled (its resources are the outer form's, not the page's)."""
        if self._drawn:
            return _IDENTITY
        try:
            matrix = self._xobjects[name].get_object().get("/Matrix")
            return _matrix([float(value) for value in matrix]) if matrix is not None else _IDENTITY
        except Exception:  # noqa: BLE001 - a damaged or missing form: as drawn at the page's matrix
            return _IDENTITY


def _matrix(values: Any) -> Matrix:
    a, b, c, d, e, f = (float(value) for value in list(values)[:6])
    return a, b, c, d, e, f
