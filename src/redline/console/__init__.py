"""The moderators' web console: queues, cases and appeals in the browser, at ``/console``.

Server-rendered pages (Jinja2) with a little vanilla JavaScript and CSS served from this package,
so nothing loads from outside the machine. The console is an edge like the API: it signs a
moderator in with an API key (``sessions``), reads the API's roles (``access``), and calls the
same review services as the same actor (``pages``, ``appeal_pages``); ``app.create_app`` is the
API's app with the console mounted, which ``redline serve`` runs.
"""
