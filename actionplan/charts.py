"""The progress matrix as two pictures a reader takes in at a glance: a bar
per state and a bar per area, each split by status (done, in progress, not
started, not applicable, no answer), laid out for the SVG that
``actionplan/_progress_chart.html`` draws. It reads the matrix the page
already holds: no query of its own. The table stays the full alternative.

Geometry is in the SVG's own units (``WIDTH`` wide); the stylesheet scales
the picture to the column, so it never widens the page."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .enums import STATUS_SYMBOLS, ProgressStatus

# Left to right: what is done first, what nobody answered last.
CHART_ORDER = (
    ProgressStatus.DONE, ProgressStatus.IN_PROGRESS, ProgressStatus.NOT_STARTED,
    ProgressStatus.NOT_APPLICABLE, "missing",
)
# Each status's paint: fill, outline, and the colour of the count written
# on it. Patterns (defined in the first chart's SVG) and outlines tell the
# statuses apart without colour; the colours pass 3:1 against white.
PAINT = {
    ProgressStatus.DONE: ("#2e7d32", "none", "#fff"),
    ProgressStatus.IN_PROGRESS: ("url(#chart-fill-in_progress)", "#7a5f00", "#000"),
    ProgressStatus.NOT_STARTED: ("#fff", "#b3261e", "#000"),
    ProgressStatus.NOT_APPLICABLE: ("url(#chart-fill-not_applicable)", "#555", "#000"),
    "missing": ("#fff", "#767676", "#444"),
}
MISSING_LABEL = _("No answer")
MISSING_SYMBOL = "?"

WIDTH = 320
LABEL_HEIGHT = 14  # a bar's name, on its own line above the bar
BAR_HEIGHT = 18
ROW_GAP = 10
MIN_WIDTH_FOR_COUNT = 16  # a narrower segment leaves its count to the description


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    symbol: str
    count: int
    x: float
    width: float

    @property
    def fill(self) -> str:
        return PAINT[self.status][0]

    @property
    def stroke(self) -> str:
        return PAINT[self.status][1]

    @property
    def text_fill(self) -> str:
        return PAINT[self.status][2]

    @property
    def dashed(self) -> bool:
        return self.status == "missing"

    @property
    def text_x(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def shows_count(self) -> bool:
        return self.width >= MIN_WIDTH_FOR_COUNT


@dataclass(frozen=True)
class Bar:
    label: str
    total: int
    segments: list[Segment]
    label_y: float
    bar_y: float

    @property
    def text_y(self) -> float:
        return self.bar_y + BAR_HEIGHT / 2 + 4


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return len(self.bars) * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)


@dataclass(frozen=True)
class ProgressChart:
    by_state: Chart
    by_area: Chart
    legend: list[Segment]  # one per status, in the bars' order (x and width for a swatch)


def _label_of(status: str) -> tuple[str, str]:
    if status == "missing":
        return str(MISSING_LABEL), MISSING_SYMBOL
    return str(ProgressStatus(status).label), STATUS_SYMBOLS[status]


def _chart(rows: list[tuple[str, Counter]]) -> Chart:
    bars = []
    for index, (label, counts) in enumerate(rows):
        top = index * (LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP)
        total = sum(counts[status] for status in CHART_ORDER)
        segments, x = [], 0.0
        for status in CHART_ORDER:
            if not counts[status]:
                continue
            width = round(WIDTH * counts[status] / total, 2)
            status_label, symbol = _label_of(status)
            segments.append(Segment(status=str(status), label=status_label, symbol=symbol,
                                    count=counts[status], x=round(x, 2), width=width))
            x += width
        bars.append(Bar(label=label, total=total, segments=segments,
                        label_y=top + LABEL_HEIGHT - 3, bar_y=top + LABEL_HEIGHT))
    return Chart(bars=bars)


def progress_chart(*, matrix) -> ProgressChart:
    """Each state's actions by status, and each area's answers (all states
    together) by status; "missing" counts an action a state left unanswered."""
    by_state = [(state.name, matrix.totals.get(state.pk, Counter())) for state in matrix.states]
    by_area = []
    for block in matrix.areas:
        counts = Counter(
            cell.status if cell else "missing" for row in block.rows for cell in row.cells
        )
        by_area.append((f"{block.area.roman}. {block.area.title}", counts))
    legend = [Segment(str(status), *_label_of(status), count=0, x=1, width=14)
              for status in CHART_ORDER]
    return ProgressChart(by_state=_chart(by_state), by_area=_chart(by_area), legend=legend)
