"""The yearly statement: its figures, its PDF in both languages (built by
the task, read back with poppler's pdffonts and pdftotext), its CSV, and
the admin's page that requests and hands them out."""

import pytest
from django.urls import reverse

from contributions import services
from contributions.enums import StatementStatus
from contributions.models import Statement
from contributions.selectors import statement_for_year
from tests import pdf_checks
from tests.factories import contributions as ledger
from tests.factories.membership import ParticipantStateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2025(kazakhstan, kyrgyzstan):
    ledger.pledge(state=kazakhstan, amount="10000000.00", rate="0.0019")  # 19,000 USD
    ledger.payment(state=kazakhstan, amount="5000000.00", rate="0.0019")  # 9,500 USD
    ledger.pledge(state=kyrgyzstan, amount="1000000.00", currency="KGS", rate="0.0115",
                  illustrative=True)  # 11,500 USD, nothing paid
    ledger.costs(year=2025, amount_usd="38000.00")


@pytest.fixture
def built(year_2025, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.statement_request(year=2025)
    yield {s.language: s for s in Statement.objects.all()}
    for statement in Statement.objects.exclude(file=""):
        statement.file.delete(save=False)


def _content(statement) -> bytes:
    with statement.file.open("rb") as handle:
        return handle.read()


def test_statement_has_pledged_received_and_outstanding_per_state(year_2025):
    statement = statement_for_year(year=2025)

    assert [(line.state.iso3, str(line.pledged), str(line.received), str(line.outstanding))
            for line in statement.lines] == [
        ("KAZ", "19000.00", "9500.00", "9500.00"),
        ("KGZ", "11500.00", "0.00", "11500.00"),
    ]
    assert (str(statement.received), str(statement.costs_covered_percent)) == ("9500.00", "25.0")


def test_statement_pdf_is_built_in_both_languages(built):
    assert {lang: (s.status, s.progress) for lang, s in built.items()} == {
        "ru": (StatementStatus.DONE, 100), "en": (StatementStatus.DONE, 100)}


def test_statement_pdf_in_english_reads_back(built):
    content = _content(built["en"])
    text = " ".join(pdf_checks.pdftotext(content).split())

    assert pdf_checks.accessibility(content) == pdf_checks.expected("en")
    assert "statement for 2025" in text
    assert "Kazakhstan 19,000.00 9,500.00 9,500.00" in text
    assert "Kyrgyzstan (illustrative) 11,500.00 0.00 11,500.00" in text
    assert "38,000.00" in text
    assert "9,500.00 (25.0 %)" in text


def test_statement_pdf_in_russian_embeds_its_fonts(built):
    """The Russian headings need the lead's catalogue merge; the state names
    and fonts do not."""
    content = _content(built["ru"])
    text = " ".join(pdf_checks.pdftotext(content).split())

    assert pdf_checks.accessibility(content) == pdf_checks.expected("ru")
    assert all(font["emb"] == "yes" for font in pdf_checks.pdffonts(content))
    # The bundled font only, the running header and page numbers too (no
    # system serif font for the page's margin boxes).
    assert {font["name"].split("+")[1] for font in pdf_checks.pdffonts(content)} == {
        "Noto-Sans", "Noto-Sans-Bold"}
    assert "Казахстан" in text
    assert "Кыргызстан" in text


def test_statement_pdf_in_russian_is_in_russian(built):
    """Needs the lead's catalogue merge (var/i18n-pending/C.po)."""
    text = " ".join(pdf_checks.pdftotext(_content(built["ru"])).split())

    assert "Добровольные взносы" in text
    assert "Казахстан 19 000,00 9 500,00 9 500,00" in text
    assert "Кыргызстан (условные данные)" in text


def test_a_failed_build_is_written_on_its_row(year_2025, monkeypatch):
    """The layout failing (here: the renderer refusing) leaves the row
    "failed" with the reason, for the admin to show."""
    from contributions import pdf

    statement = Statement.objects.create(year=2025, language="en")

    def refuse(**kwargs):
        raise ValueError("Refused to fetch http://example.org/x.css: only bundled fonts")

    monkeypatch.setattr(pdf, "render_statement", refuse)
    with pytest.raises(ValueError, match="Refused to fetch"):
        services.statement_build(statement_id=statement.pk)

    statement.refresh_from_db()
    assert (statement.status, statement.error) == (
        StatementStatus.FAILED, "Refused to fetch http://example.org/x.css: only bundled fonts")


def test_admin_page_shows_a_failure_clearly(admin_client, year_2025):
    Statement.objects.create(year=2025, language="en", status=StatementStatus.FAILED,
                             error="Font file missing")

    response = admin_client.get(reverse("admin:contributions_statement_request"))

    assert response.status_code == 200
    assert "Font file missing" in response.content.decode()


def test_admin_page_requests_both_pdfs_and_offers_them(admin_client, year_2025,
                                                       django_capture_on_commit_callbacks):
    url = reverse("admin:contributions_statement_request")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"year": "2025"})

    assert response.status_code == 302
    statements = list(Statement.objects.order_by("language"))
    assert [(s.language, s.status) for s in statements] == [("en", "done"), ("ru", "done")]
    page = admin_client.get(url).content.decode()
    for statement in statements:
        assert reverse("admin:contributions_statement_download", args=[statement.pk]) in page
    download = admin_client.get(reverse("admin:contributions_statement_download",
                                        args=[statements[0].pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    for statement in statements:
        statement.file.delete(save=False)


def test_admin_page_keeps_a_bad_year_with_its_error(admin_client):
    response = admin_client.post(reverse("admin:contributions_statement_request"),
                                 {"year": "20x5"})

    assert response.status_code == 200
    assert response.context["form"].errors == {"year": ["Введите целое число."]}
    assert 'value="20x5"' in response.content.decode()
    assert not Statement.objects.exists()


def test_csv_export_is_formula_safe(admin_client, year_2025):
    ParticipantStateFactory(name="=HYPERLINK(\"http://x\")", name_ru="=HYPERLINK(\"http://x\")",
                            iso3="QXX")
    from contributions.models import Pledge
    from membership.models import ParticipantState

    ledger.pledge(state=ParticipantState.objects.get(iso3="QXX"), amount="100.00",
                  currency="USD", rate="1")
    assert Pledge.objects.count() == 3

    response = admin_client.get(reverse("admin:contributions_statement_csv",
                                        kwargs={"year": 2025}))
    text = response.content.decode("utf-8-sig")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "'=HYPERLINK" in text
    assert "Казахстан,19000.00,9500.00,9500.00," in text
    assert "\n=HYPERLINK" not in text
