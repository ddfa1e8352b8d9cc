"""The web app and JSON API (``fogline serve``): ``create_app(store, anonymous_read=False)``.

Every page is one data function served three ways (``fogline.web.app.view``): HTML at ``/figures``, JSON at
``/figures.json`` and ``/api/figures`` (OpenAPI schema at ``/openapi.json``; response models are built from
``fogline.schema``). Pages:

- ``/`` dashboard (headline tallies, chart, map, latest documents); ``/tallies``; ``/timeline``
- ``/documents``, ``/figures``, ``/events``, ``/statements``, ``/agreements``, ``/facility_impacts``,
  ``/entities``, ``/mentions``: listings filtered by ``since``, ``until``, ``place`` (with the places
  inside it), ``actor``, ``measure``, ``source``, ``status`` (review status; rejected items are hidden
  unless asked for), ``document``, ``kind``, ``q``; ``limit``/``offset`` pagination with ``total``
- ``/documents/{id}``: the text with every extracted item highlighted; ``/entities/{id}``;
  ``/items/{table}/{id}``
- ``/search?q=``; ``/export/{kind}.{fmt}`` (the CLI's export formats)
- ``/review/{table}`` queues and ``POST /review/...`` forms (analyst role); for scripts
  ``POST /api/review/{table}/{id}`` and ``POST /api/merge``; ``/admin/users`` (admin role)

Access: session cookie (HMAC-signed with a per-database secret, HttpOnly, SameSite=Lax) for pages, a CSRF
token on every form, ``Authorization: Bearer <token>`` for the API (``fogline users token NAME``), a sign-in
rate limit (5/minute per address and per user), a strict Content-Security-Policy (no inline script or style).
"""
