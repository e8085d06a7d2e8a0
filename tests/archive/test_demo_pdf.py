"""The archive's demo documents as PDF (issue 24, item 19): tagged, with
their title and language, every font embedded with a Unicode map."""

import pytest

from archive import demo
from archive.demo.content import DOCUMENTS
from core.pdf import font_configuration
from tests.pdf_checks import accessibility, expected, pdfinfo


@pytest.mark.parametrize("language", ["ru", "en"])
def test_demo_document_pdf_is_tagged_titled_with_embedded_unicode_fonts(language):
    document = DOCUMENTS[0]

    content = demo.render_pdf(document, language, font_config=font_configuration(),
                              url_fetcher=demo._url_fetcher())

    assert accessibility(content) == expected(language)
    assert pdfinfo(content)["Title"] == document.title[0 if language == "ru" else 1]
