"""The portal's date formats, one per language (FORMAT_MODULE_PATH).

Django's own English formats write "June 5, 2025" and "Oct. 16, 2026" while
the portal's pages write "5 June 2025"; its Russian ones add "г." to some
dates and not to others. Here each language has one way to write a date,
everywhere: pages, messages, validation errors, the admin, emails and PDFs.
Only the formats for output are set; input formats stay Django's.
"""
