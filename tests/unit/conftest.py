"""``tests/unit``: the domain, storage, the application service and the CLI, with no terminal
and no Textual app. Their fixtures (sessions, a store, the fake clock, private user folders)
are the shared domain fixtures in ``tests/conftest.py``; app fixtures live with the layers
that run the app (``tests/ui``, ``tests/snapshots``), so none can leak in here.
"""
