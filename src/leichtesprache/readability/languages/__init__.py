"""One module per language the checker knows (``de.py``, ``en.py`` …), found by ``registry``.

A module exports ``PROFILE`` and, if the language has rules of its own, ``RULES``. Copy the
smallest module (``en.py``) to start a new language.
"""
