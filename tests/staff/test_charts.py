from datetime import date, timedelta

from staff import charts
from tests.support.html import parse_page

DAYS = [date(2026, 3, 1) + timedelta(days=offset) for offset in range(10)]


def test_daily_chart_is_an_image_with_a_title_and_description_for_screen_readers():
    svg = charts.daily_bars(
        DAYS,
        [charts.Series("Signatures", [1] * 10), charts.Series("Letters", [2] * 10)],
        title="Actions per day",
        description="Signatures and letters each day",
    )
    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert "<title" in svg and "Actions per day" in svg
    assert "<desc" in svg and "Signatures and letters each day" in svg
    # One bar per day and kind, each with a tooltip giving the exact number.
    assert svg.count('<rect class="chart__series--0"') == 10 + 1  # + the legend key
    assert "Letters: 2" in svg


def test_charts_escape_text_so_labels_cannot_inject_markup():
    hostile = '<script>alert("x")</script>'
    svg = charts.horizontal_bars(
        [(hostile, 3)], title=hostile, description=hostile, empty_message=hostile
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    svg = charts.daily_bars(DAYS[:1], [charts.Series(hostile, [1])], title="t", description="d")
    assert "<script>" not in svg


def test_charts_use_no_style_attributes_or_scripts_under_the_strict_csp():
    pages = [
        charts.daily_bars(DAYS, [charts.Series("A", list(range(10)))], title="t", description="d"),
        charts.cumulative_line(DAYS, list(range(10)), title="t", description="d"),
        charts.horizontal_bars([("NY", 4), ("CA", 2)], title="t", description="d"),
        charts.state_tile_map({"NY": 4}, title="t", description="d"),
    ]
    for svg in pages:
        page = parse_page(f"<html lang='en'><body>{svg}</body></html>")
        assert page.style_attributes == 0
        assert page.inline_scripts == 0
        assert page.inline_handlers == []


def test_cumulative_chart_ends_at_the_running_total():
    svg = charts.cumulative_line(DAYS[:3], [5, 0, 7], title="t", description="d")
    assert "12" in svg
    assert svg.count("<circle") == 3


def test_empty_data_shows_a_message_instead_of_an_empty_plot():
    svg = charts.daily_bars(
        DAYS, [charts.Series("A", [0] * 10)], title="t", description="d", empty_message="No actions"
    )
    assert "No actions" in svg
    assert "<rect" not in svg


def test_state_map_shades_states_by_their_share_of_the_largest():
    svg = charts.state_tile_map({"NY": 100, "VT": 1}, title="t", description="d")
    assert "chart__tile--4" in svg  # NY, the largest
    assert "chart__tile--1" in svg  # VT, small but not zero
    assert "NY: 100" in svg
    assert svg.count('<g class="chart__tile') == len(charts.STATE_TILES)


def test_bars_are_sorted_largest_first_and_limited():
    rows = [(f"S{number}", number) for number in range(1, 30)]
    svg = charts.horizontal_bars(rows, title="t", description="d", limit=5)
    assert svg.index("S29") < svg.index("S28")
    assert "S24" not in svg.replace("S29", "")


def test_breakdown_rows_escape_names_and_group_numbers():
    from django.utils import translation

    from staff.templatetags.report_tables import breakdown_body

    rows = [{"key": "<script>x</script>", "actions": 1234567, "signatures": 3}, {"key": ""}]
    html = str(breakdown_body(rows))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<td class="num">1,234,567</td>' in html
    assert "(none)" in html  # a blank source code
    with translation.override("es"):
        assert "1\xa0234\xa0567" in str(breakdown_body(rows))
    assert "No actions in this period." in str(breakdown_body([]))
