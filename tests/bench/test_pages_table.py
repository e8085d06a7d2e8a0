"""bench/pages.py's table, as issue 25 lays it out: each page's throughput as a
share of the bare view run just before it, per mode, and the workers'
memory growth. Pure functions: nothing is measured here."""

from bench import pages


def _row(rps: float, bare: float, p50: float = 10.0, errors: int = 0) -> dict:
    return {"rps": rps, "p50": p50, "errors": errors, "bare_rps": bare}


def test_a_cell_is_the_share_of_the_bare_view_beside_it_with_the_figures():
    assert pages.cell(_row(93.4, 1700.0, p50=165.0)) == "5% (93 req/s, p50 165 ms)"
    assert pages.cell(_row(2142.0, 1700.0, p50=6.5)) == "126% (2,142 req/s, p50 6.5 ms)"
    assert pages.cell(_row(50.0, 1000.0, errors=3)) == "5% (50 req/s, p50 10 ms, 3 errors)"
    assert pages.cell(_row(50.0, 1000.0), figures=False) == "5%"


def test_a_page_not_measured_in_a_mode_has_an_empty_cell_or_says_why():
    assert pages.cell(None) == ""
    assert pages.cell({"failed": "answered 302 /ru/login/"}) == (
        "not measured: answered 302 /ru/login/")


def test_the_table_has_a_column_per_mode_and_the_bare_view_first_with_its_range():
    results = {"pages": {
        "/ru/": {"cached": _row(2100, 1650), "off": _row(93, 1750, p50=165),
                 "signed": _row(69, 984)},
        "/en/about/": {"cached": _row(2200, 1750), "off": _row(210, 1750)},
        "the coordinator's dashboard": {"signed": _row(413, 984, p50=38)},
    }}
    lines = pages.table(results)
    assert lines[0] == "| page | cached | page cache off | signed in as a coordinator |"
    assert lines[1] == "|---|---|---|---|"
    assert lines[2] == ("| bare view | 100% (1,650–1,750 req/s) | 100% (1,750 req/s) "
                        "| 100% (984 req/s) |")
    assert lines[3] == ("| /ru/ | 127% (2,100 req/s, p50 10 ms) | 5% (93 req/s, p50 165 ms) "
                        "| 7% (69 req/s, p50 10 ms) |")
    assert lines[4] == ("| /en/about/ | 126% (2,200 req/s, p50 10 ms) "
                        "| 12% (210 req/s, p50 10 ms) |  |")
    assert lines[5] == "| the coordinator's dashboard |  |  | 42% (413 req/s, p50 38 ms) |"


def test_memory_growth_per_worker_from_the_first_thousand_requests():
    memory = {"requests": 20_000, "first": 1_000, "errors": 0, "seconds": 250,
              "mix": "22 URLs in turn, page cache off",
              "workers": {"101": {"first": 102_400, "last": 112_640, "growth_pct": 10.0},
                          "102": {"first": 102_400, "last": None}}}
    lines = pages.memory_lines(memory)
    assert lines[2] == "| worker | after 1,000 | after 20,000 | growth |"
    assert lines[4] == "| 101 | 100.0 MB | 110.0 MB | +10.0% |"
    assert lines[5] == "| 102 | 100.0 MB | gone | ? |"
