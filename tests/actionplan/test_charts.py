"""The progress at a glance (issue 24, item 15): a bar per state and per
area, split by status, drawn as an SVG picture with the table as its
alternative."""

import re

import pytest
from django.utils import translation

from actionplan.charts import WIDTH, progress_chart
from actionplan.selectors import progress_matrix

pytestmark = pytest.mark.django_db


def _bars(chart):
    return [(bar.label, [(s.status, s.count, s.width) for s in bar.segments])
            for bar in chart.bars]


def test_chart_counts_each_states_actions_and_each_areas_answers(endorsed):
    with translation.override("en"):
        chart = progress_chart(matrix=progress_matrix(reporting_round=endorsed))

    third = round(WIDTH / 3, 2)
    assert _bars(chart.by_state) == [
        ("Kazakhstan", [("done", 2, round(WIDTH * 2 / 3, 2)), ("in_progress", 1, third)]),
        ("Kyrgyzstan", [("done", 1, third), ("not_applicable", 1, third),
                        ("missing", 1, third)]),
    ]
    assert _bars(chart.by_area) == [
        ("I. Border management", [("done", 3, WIDTH * 3 / 4), ("not_applicable", 1, WIDTH / 4)]),
        ("II. Procedures", [("in_progress", 1, WIDTH / 2), ("missing", 1, WIDTH / 2)]),
    ]
    assert [segment.label for segment in chart.legend] == [
        "Done", "In progress", "Not started", "Not applicable", "No answer"]


def test_progress_page_draws_the_charts_as_described_pictures(client, endorsed):
    content = client.get("/en/action-plan/progress/").content.decode()

    assert ('<svg class="progress-chart__svg" role="img" aria-labelledby="chart-states-title"'
            ' aria-describedby="chart-states-desc"') in content
    assert ('<desc id="chart-states-desc">Kazakhstan: Done 2, In progress 1. '
            'Kyrgyzstan: Done 1, Not applicable 1, No answer 1.</desc>') in content
    assert ('<desc id="chart-areas-desc">I. Border management: Done 3, Not applicable 1. '
            'II. Procedures: In progress 1, No answer 1.</desc>') in content
    assert 'fill="url(#chart-fill-in_progress)"' in content


def test_russian_page_writes_the_pictures_numbers_with_a_point(client, endorsed):
    """Russian formats 160.5 as «160,5»: an SVG coordinate written so is an
    error the browser reports and a bar drawn nowhere."""
    content = client.get("/ru/action-plan/progress/").content.decode()
    svg = content[content.index('<section class="progress-charts"'):]
    svg = svg[:svg.index("</section>")]

    numbers = re.findall(r'\b(?:x|y|width|height|viewBox)="([^"]*)"', svg)
    assert numbers
    assert [number for number in numbers if "," in number] == []
