"""A person's own account: the two-step sign-in, the second factor
(django-otp), the account page and the limits on how long a session lasts.

``services`` writes, ``selectors`` reads, ``forms``/``views``/``urls`` are
the pages, ``middleware`` enforces session limits and staff's second factor.
"""
