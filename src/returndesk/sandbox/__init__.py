"""The embedded vendor sandbox: demo data and all three vendors' documented subset.

One implementation (:class:`returndesk.sandbox.app.Sandbox`) serves both an in-process
``httpx`` transport (demo mode, fast tests) and a real HTTP server on 127.0.0.1
(``returndesk sandbox serve``, end-to-end tests).
"""
