"""The web app: HTML pages (Jinja2, server-rendered) and a JSON API under /api (OpenAPI at /docs).

Pages: /events, /events/{id}, /reports/{id}, /map, /charts, /quality, /login. The same filters (type,
place, since, until, charge, penalty, actor, outlet, modality, review_status, q) work in the URL
of every listing page, the API and the exports, and `by=incident` counts one item per incident
(the occurrence several reports tell, docs/incidents.md) instead of one per event. Reads are open
to anyone (an anonymous visitor is a viewer); writes need an editor or admin session and the
session's CSRF token.
"""
from __future__ import annotations

import calendar
import io
import json
import os
import re
import secrets
import threading
import time
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.responses import (HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse,
                               Response)
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.gzip import GZipMiddleware
from starlette.middleware.sessions import SessionMiddleware

from nkevents.store import EventFilter, ReviewError, Store
from nkevents.store import incidents
from nkevents.store.reviews import codes as store_codes
from nkevents.web import auth, highlight, quality
from nkevents.web.mapdata import PlaceOptions, ResultCache, map_groups

WEB_DIR = Path(str(resources.files("nkevents.web")))
FILTER_FIELDS = ("type", "place", "since", "until", "charge", "penalty", "actor", "outlet",
                 "modality", "review_status", "q", "by")
MULTI_FIELDS = ("type", "charge", "penalty", "actor", "modality", "review_status", "outlet", "place")
PER_PAGE_DEFAULT = 50
PER_PAGE_MAX = 500
ORDERS = ("date", "-date", "published", "-published", "confidence")
TYPE_COLOURS = {
    "trial": "#7b3294", "sentence": "#c2185b", "execution": "#000000", "arrest": "#d84315",
    "crackdown": "#ef6c00", "directive": "#1565c0", "policy": "#00838f",
    "prohibited_activity": "#6d4c41", "market": "#2e7d32", "hardship": "#9e9d24",
    "mobilization": "#5e35b1", "other": "#757575",
}
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Events stored by other processes join their incidents at most this often (app writes: at once).
LINK_EVERY_SECONDS = 30.0


class UserError(Exception):
    """A value a user gave that cannot be used; str() is a one-line reason."""


# ---------------------------------------------------------------- filters

def filters_from_query(params) -> EventFilter:
    """An EventFilter from URL parameters; a list field may repeat or be comma-separated."""
    values: dict[str, Any] = {}
    for name in FILTER_FIELDS:
        given = [v.strip() for v in params.getlist(name) if v and v.strip()]
        if not given:
            continue
        if name in MULTI_FIELDS:
            items = [x.strip() for v in given for x in v.split(",") if x.strip()]
            values[name] = items if len(items) > 1 else items[0]
        else:
            values[name] = given[-1]
    for name in ("since", "until"):
        v = values.get(name)
        if v:
            values[name] = expand_date(name, v)
    allowed = store_codes()
    for name, key in (("type", "types"), ("charge", "charges"), ("penalty", "penalties"),
                      ("actor", "actors"), ("modality", "modalities")):
        for v in _as_list(values.get(name)):
            if v not in allowed[key]:
                raise UserError(f"{name}: {v!r} is not a known code ({', '.join(allowed[key])})")
    if values.get("by", "event") not in incidents.BY_CHOICES:
        raise UserError(f"by: {values['by']!r} is not one of {', '.join(incidents.BY_CHOICES)}")
    for v in _as_list(values.get("review_status")):
        if v not in REVIEW_STATUSES:
            raise UserError(f"review_status: {v!r} is not one of {', '.join(REVIEW_STATUSES)}")
    return EventFilter.from_dict(values)


REVIEW_STATUSES = ("machine", "confirmed", "corrected", "rejected", "added")


def expand_date(name: str, value: str) -> str:
    """YYYY or YYYY-MM as a filter bound: the first day for `since`, the last for `until`."""
    try:
        if re.fullmatch(r"\d{4}", value):
            return f"{value}-01-01" if name == "since" else f"{value}-12-31"
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            last = calendar.monthrange(year, month)[1]
            return f"{value}-01" if name == "since" else f"{value}-{last:02d}"
        if ISO_DATE.match(value):
            return date.fromisoformat(value).isoformat()
    except (ValueError, calendar.IllegalMonthError):
        pass
    raise UserError(f"{name}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _as_list(v) -> list[str]:
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def filter_query(params, drop: tuple[str, ...] = ("page",)) -> str:
    """The URL query of the current filters (for pagination, exports and links between pages)."""
    pairs = [(k, v) for k, v in params.multi_items() if k in FILTER_FIELDS + ("order", "per_page")
             and k not in drop and v != ""]
    return urlencode(pairs)


def paging(params) -> tuple[int, int]:
    try:
        page = max(1, int(params.get("page") or 1))
        per_page = min(PER_PAGE_MAX, max(1, int(params.get("per_page") or PER_PAGE_DEFAULT)))
    except ValueError:
        raise UserError("page and per_page must be whole numbers")
    return page, per_page


def order_of(params) -> str:
    order = params.get("order") or "-date"
    if order not in ORDERS:
        raise UserError(f"order: {order!r} is not one of {', '.join(ORDERS)}")
    return order


# ---------------------------------------------------------------- formatting helpers

def fmt_date(d: dict | None) -> str:
    if not d:
        return ""
    start, end = d.get("start") or "", d.get("end") or ""
    if start.startswith("--") and len(start) == 7:  # month-day, the report gives no year
        return f"{calendar.month_abbr[int(start[2:4])]} {int(start[5:7])}, year unknown"
    if d.get("precision") == "month" and start:
        return start[:7]
    if d.get("precision") == "year" and start:
        return start[:4]
    return start if not end or end == start else f"{start} – {end}"


def fmt_penalty(p: dict | None) -> str:
    if not p:
        return ""
    kind = (p.get("kind") or "").replace("_", " ")
    lo, hi = p.get("min_months"), p.get("max_months")

    def months(m):
        return f"{m // 12} y" if m % 12 == 0 and m >= 12 else f"{m} mo"
    if lo is not None and hi is not None and lo != hi:
        return f"{kind}, {months(lo)}–{months(hi)}"
    if lo is not None or hi is not None:
        return f"{kind}, {months(lo if lo is not None else hi)}"
    return kind


def label(code: str | None) -> str:
    return (code or "").replace("_", " ")


def place_name(place_id: str | None) -> str:
    """An incident's place (it keeps only the id) by its gazetteer name."""
    if not place_id:
        return ""
    from nkevents.export import place_name as name_of
    return name_of(place_id)


# ---------------------------------------------------------------- the app

def create_app(store: Store, *, secret_key: str | None = None, https_only: bool = False,
               tile_url: str | None = None, tile_attribution: str = "") -> FastAPI:
    """The ASGI app over a Store. `secret_key` signs session cookies (default: $NKEVENTS_SECRET,
    else random, so sessions end when the server restarts). `tile_url` (e.g. a deployment's own
    tile server, "https://tiles.example/{z}/{x}/{y}.png") adds a base layer under the outlines."""
    app = FastAPI(title="nkevents", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Events extracted from reports about North Korea, with evidence. "
                              "Reads are open; writes need an editor session and its CSRF token "
                              "(header X-CSRF-Token; GET /api/session gives it).")
    secret = secret_key or os.environ.get("NKEVENTS_SECRET") or secrets.token_urlsafe(32)
    app.add_middleware(SessionMiddleware, secret_key=secret, session_cookie="nkevents_session",
                       max_age=12 * 3600, same_site="lax", https_only=https_only)
    app.add_middleware(GZipMiddleware, minimum_size=2000)
    app.state.store = store
    cache = ResultCache()
    app.state.cache = cache
    linking = {"at": -1e9, "lock": threading.Lock()}

    def ensure_linked() -> None:
        """Events not yet in an incident (ingested elsewhere, added or rejected here) are linked
        before anything is read by incident; at most every LINK_EVERY_SECONDS, since even
        finding that nothing waits reads the events table."""
        with linking["lock"]:
            if time.monotonic() - linking["at"] > LINK_EVERY_SECONDS:
                incidents.link_pending(store)
                linking["at"] = time.monotonic()

    def after_write() -> None:
        cache.clear()
        linking["at"] = -1e9

    def with_incidents(rows: list[dict]) -> list[dict]:
        """Rows of a list by incident, each with its incident's id and counts of reports."""
        counts = incidents.incident_sources_of_events(store, [e["event_id"] for e in rows])
        alone = {"incident_id": None, "n_reports": 1, "n_outlets": 1, "n_independent": 1}
        return [dict(e, incident=counts.get(e["event_id"], alone)) for e in rows]

    def request_filters(params) -> EventFilter:
        """The URL's filters; a place given by name ("Chongjin", "north-hamgyong") becomes the
        gazetteer ids it means, so people need not know the dotted ids."""
        f = filters_from_query(params)
        if f.by == "incident":
            ensure_linked()
        if f.place:
            ids: list[str] = []
            for value in _as_list(f.place):
                ids += [value] if "." in value or value == "kp" else store.resolve_place(value)
            f.place = ids if len(ids) > 1 else ids[0]
        return f

    def cached_stats(params) -> dict:
        f = request_filters(params)
        return cache.get("stats?" + filter_query(params, ("page", "order", "per_page")),
                         lambda: store.stats(f))
    app.state.throttle = auth.LoginThrottle()
    app.state.place_options = PlaceOptions()
    tile_url = tile_url or os.environ.get("NKEVENTS_TILE_URL") or None
    app.mount("/static", StaticFiles(directory=WEB_DIR / "static"), name="static")
    templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))
    env = templates.env
    env.filters.update(fmt_date=fmt_date, fmt_penalty=fmt_penalty, label=label, place_name=place_name)
    env.globals.update(TYPE_COLOURS=TYPE_COLOURS, codes=store_codes, REVIEW_STATUSES=REVIEW_STATUSES)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        # Only our own scripts run; report text can never become script.
        if request.url.path != "/docs":  # Swagger UI starts itself with an inline script
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data: " + _tile_origin(tile_url) +
                "; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; "
                "base-uri 'self'; frame-ancestors 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    # ------------------------------------------------------------ who is asking

    def current_user(request: Request) -> dict:
        name = request.session.get("user")
        if name:
            user = store.get_user(name)
            if user:
                return {"username": user["username"], "role": user["role"]}
            request.session.pop("user", None)
        return {"username": None, "role": "anonymous"}

    def page(request: Request, name: str, status_code: int = 200, **ctx) -> HTMLResponse:
        user = current_user(request)
        ctx.update(request=request, user=user, csrf=auth.csrf_token(request.session), status_code=status_code,
                   can_edit=auth.can(user["role"], "editor"), page_name=name.split(".")[0])
        return templates.TemplateResponse(request, name, ctx, status_code=status_code)

    def require_write(request: Request, token: str | None, needed: str = "editor") -> dict:
        """The user when logged in with the role and the CSRF token matches; else HTTPException."""
        if not auth.csrf_ok(request.session, token):
            raise HTTPException(403, "missing or wrong CSRF token")
        user = current_user(request)
        if user["username"] is None:
            raise HTTPException(401, "log in first")
        if not auth.can(user["role"], needed):
            raise HTTPException(403, f"{user['role']} users cannot do this (needs {needed})")
        return user

    @app.exception_handler(UserError)
    async def user_error(request: Request, exc: UserError):
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return page(request, "error.html", status_code=400, message=str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api") or exc.status_code == 405:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        if exc.status_code == 401:
            return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
        return page(request, "error.html", status_code=exc.status_code, message=str(exc.detail))

    # ------------------------------------------------------------ JSON API: reads

    @app.get("/api/events", tags=["events"])
    def api_events(request: Request,
                   type: Annotated[list[str] | None, Query(description="event type(s)")] = None,
                   place: Annotated[list[str] | None, Query(description="gazetteer id; includes places inside it")] = None,
                   since: Annotated[str | None, Query(description="YYYY[-MM[-DD]]")] = None,
                   until: Annotated[str | None, Query(description="YYYY[-MM[-DD]]")] = None,
                   charge: Annotated[list[str] | None, Query()] = None,
                   penalty: Annotated[list[str] | None, Query()] = None,
                   actor: Annotated[list[str] | None, Query()] = None,
                   outlet: Annotated[list[str] | None, Query()] = None,
                   modality: Annotated[list[str] | None, Query()] = None,
                   review_status: Annotated[list[str] | None, Query(description="default: all but rejected")] = None,
                   q: Annotated[str | None, Query(description="full-text search in report title and text")] = None,
                   order: Annotated[str, Query(description=" | ".join(ORDERS))] = "-date",
                   by: Annotated[str, Query(description="event | incident: one event per incident (the first by date), total counts incidents")] = "event",
                   page: int = 1, per_page: int = PER_PAGE_DEFAULT) -> dict:
        """Events matching the filters, one page at a time (list values: repeat or comma-separate)."""
        f = request_filters(request.query_params)
        pg, per = paging(request.query_params)
        rows, total = store.query_events(f, limit=per, offset=(pg - 1) * per, order=order_of(request.query_params))
        if f.by == "incident":  # one event per incident; total counts incidents
            rows = with_incidents(rows)
        return {"total": total, "page": pg, "per_page": per, "by": f.by, "events": rows}

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(event_id: str) -> dict:
        """One event with its report (full text), the other events of the report, its review
        history and `incident`: the occurrence it belongs to with all its reports (or null)."""
        ev = store.get_event(event_id)
        if ev is None:
            raise HTTPException(404, f"{event_id}: no such event")
        ensure_linked()
        ev["incident"] = incidents.incident_of_event(store, event_id)
        return ev

    @app.get("/api/reports/{report_id}", tags=["reports"])
    def api_report(report_id: str) -> dict:
        """A report: cleaned text, removed residue, places with mentions, and its events."""
        rep = store.get_report(report_id)
        if rep is None:
            raise HTTPException(404, f"{report_id}: no such report")
        return rep

    @app.get("/api/search", tags=["reports"])
    def api_search(q: str, page: int = 1, per_page: int = 20) -> dict:
        """Reports matching a full-text query, best first, with the matching sentences."""
        per = min(100, max(1, per_page))
        return {"q": q, "results": store.search(q, limit=per, offset=(max(1, page) - 1) * per)}

    @app.get("/api/stats", tags=["charts"])
    def api_stats(request: Request) -> dict:
        """Figures for the charts over the filtered events (same filters as /api/events)."""
        return cached_stats(request.query_params)

    @app.get("/api/map", tags=["map"])
    def api_map(request: Request) -> dict:
        """Filtered events grouped by point and type: one group per (place, type) with its count.
        `coord_precision` "parent" means the place has no point of its own (its parent's is used)."""
        f = request_filters(request.query_params)
        # cached as JSON text: re-encoding thousands of groups costs more than the query
        body = cache.get("map?" + filter_query(request.query_params, ("page", "order", "per_page")),
                         lambda: json.dumps(map_groups(store, f), separators=(",", ":")))
        return Response(body, media_type="application/json")

    @app.get("/api/codes", tags=["meta"])
    def api_codes() -> dict:
        """The codes events use: types, penalties, charges, actors, modalities, review statuses."""
        return {**store_codes(), "review_statuses": list(REVIEW_STATUSES), "type_colours": TYPE_COLOURS}

    @app.get("/api/session", tags=["auth"])
    def api_session(request: Request) -> dict:
        """Who is logged in, and the CSRF token to send with writes (header X-CSRF-Token)."""
        return {**current_user(request), "csrf_token": auth.csrf_token(request.session)}

    @app.get("/api/export.{fmt}", tags=["export"])
    def api_export(request: Request, fmt: str):
        """The filtered events as csv, geojson or jsonl (same filters as /api/events)."""
        f = request_filters(request.query_params)
        ensure_linked()  # the incident_id and sources columns
        return export_response(store, f, fmt, order_of(request.query_params))

    # ------------------------------------------------------------ JSON API: writes

    @app.post("/api/login", tags=["auth"])
    def api_login(request: Request, credentials: Annotated[dict, Body(examples=[{"username": "ann", "password": "..."}])]):
        """Log in; the session cookie is set. Throttled after repeated failures."""
        user = do_login(request, str(credentials.get("username") or ""), str(credentials.get("password") or ""))
        return {"username": user["username"], "role": user["role"],
                "csrf_token": auth.csrf_token(request.session)}

    @app.post("/api/logout", tags=["auth"])
    def api_logout(request: Request):
        if not auth.csrf_ok(request.session, request.headers.get("x-csrf-token")):
            raise HTTPException(403, "missing or wrong CSRF token")
        request.session.clear()
        return {"ok": True}

    @app.post("/api/events/{event_id}/review", tags=["review"])
    def api_review(request: Request, event_id: str,
                   decision: Annotated[dict, Body(examples=[{"action": "correct", "changes": {"penalty.kind": "prison"}, "note": "..."}])]):
        """confirm | reject | correct (changes: {"field": value}, dotted fields such as
        "penalty.kind", "date.start", "place.id"). Needs an editor and the CSRF header."""
        user = require_write(request, request.headers.get("x-csrf-token"))
        if store.get_event(event_id) is None:
            raise HTTPException(404, f"{event_id}: no such event")
        after_write()
        try:
            return store.review(event_id, user=user["username"], action=str(decision.get("action")),
                                changes=decision.get("changes"), note=decision.get("note"))
        except ReviewError as e:
            raise HTTPException(400, str(e))

    @app.post("/api/reports/{report_id}/events", tags=["review"], status_code=201)
    def api_add_event(request: Request, report_id: str,
                      event: Annotated[dict, Body(examples=[{"type": "arrest", "evidence": [{"start": 0, "end": 40}]}])]):
        """Add an event the extractor missed (needs at least type and one evidence span)."""
        user = require_write(request, request.headers.get("x-csrf-token"))
        after_write()
        try:
            event_id = store.add_event(report_id, event, user=user["username"])
        except ReviewError as e:
            raise HTTPException(404 if "no such report" in str(e) else 400, str(e))
        return {"event_id": event_id, "event": store.get_event(event_id)}

    @app.post("/api/users", tags=["auth"], status_code=201)
    def api_add_user(request: Request, body: Annotated[dict, Body(examples=[{"username": "bo", "password": "...", "role": "viewer"}])]):
        """Create a user or reset one's password and role (admins only)."""
        require_write(request, request.headers.get("x-csrf-token"), needed="admin")
        name, password, role = (str(body.get(k) or "") for k in ("username", "password", "role"))
        problem = user_problem(name, password, role)
        if problem:
            raise HTTPException(400, problem)
        store.add_user(name, auth.hash_password(password), role)
        return {"username": name, "role": role}

    @app.get("/api/users", tags=["auth"])
    def api_users(request: Request) -> list[dict]:
        """All users and their roles (admins only)."""
        if not auth.can(current_user(request)["role"], "admin"):
            raise HTTPException(403, "only admins can list users")
        return store.list_users()

    def do_login(request: Request, username: str, password: str) -> dict:
        client = f"ip:{request.client.host if request.client else '?'}"
        keys = (f"user:{username.lower()}", client)
        throttle: auth.LoginThrottle = app.state.throttle
        if throttle.blocked(*keys):
            raise HTTPException(429, "too many failed logins; try again in 15 minutes")
        user = auth.check_login(store, username, password)
        if user is None:
            throttle.fail(*keys)
            raise HTTPException(401 if request.url.path.startswith("/api") else 400,
                                "wrong user name or password")
        throttle.succeed(*keys)
        request.session.clear()  # a new session on login: no fixation
        request.session["user"] = user["username"]
        auth.csrf_token(request.session)
        return user

    # ------------------------------------------------------------ HTML pages

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/events", status_code=303)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request):
        params = request.query_params
        f = request_filters(params)
        pg, per = paging(params)
        order = order_of(params)
        rows, total = store.query_events(f, limit=per, offset=(pg - 1) * per, order=order)
        if f.by == "incident":
            rows = with_incidents(rows)
        pages = max(1, (total + per - 1) // per)
        return page(request, "events.html", events=rows, total=total, page_no=pg, pages=pages,
                    per_page=per, order=order, orders=ORDERS, f=f, params=params,
                    query=filter_query(params), query_no_order=filter_query(params, ("page", "order")),
                    query_no_by=filter_query(params, ("page", "by")))

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str):
        ev = store.get_event(event_id)
        if ev is None:
            raise HTTPException(404, f"{event_id}: no such event")
        rep = store.get_report(ev["report_id"]) or {}
        text = ev["report"]["text"]
        spans = highlight.event_spans(text, ev) + highlight.place_spans(rep.get("places") or [])
        siblings = [e for e in rep.get("events") or [] if e["event_id"] != event_id]
        ensure_linked()
        incident = incidents.incident_of_event(store, event_id)
        return page(request, "event.html", ev=ev, report=ev["report"], text_html=highlight.render(text, spans),
                    siblings=siblings, history=ev.get("history") or [],
                    incident=incident, incident_reports=incident_view(incident, ev["report_id"]),
                    message=request.query_params.get("msg"))

    @app.post("/events/{event_id}/review", include_in_schema=False)
    async def event_review_form(request: Request, event_id: str):
        form = await request.form()
        user = require_write(request, form.get("csrf_token"))
        ev = store.get_event(event_id)
        if ev is None:
            raise HTTPException(404, f"{event_id}: no such event")
        action = str(form.get("action") or "")
        note = str(form.get("note") or "").strip() or None
        changes = form_changes(ev, form) if action == "correct" else None
        if action == "correct" and not changes:
            return RedirectResponse(f"/events/{event_id}?msg=nothing+changed", status_code=303)
        after_write()
        try:
            store.review(event_id, user=user["username"], action=action, changes=changes, note=note)
        except ReviewError as e:
            return page(request, "error.html", status_code=400, message=str(e),
                        back=f"/events/{event_id}")
        done = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}[action]
        return RedirectResponse(f"/events/{event_id}?msg={done}", status_code=303)

    @app.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
    def report_page(request: Request, report_id: str):
        rep = store.get_report(report_id)
        if rep is None:
            raise HTTPException(404, f"{report_id}: no such report")
        spans = highlight.place_spans(rep.get("places") or [])
        for ev in rep.get("events") or []:
            if ev.get("review_status") != "rejected":
                spans += highlight.event_spans(rep["text"], ev, with_evidence=False)
                spans += highlight.evidence_spans(ev, ev["event_id"])
        ensure_linked()
        return page(request, "report.html", rep=rep, text_html=highlight.render(rep["text"], spans),
                    report_incidents=incidents.incidents_of_report(store, report_id),
                    message=request.query_params.get("msg"),
                    review_state=store.report_review_state(report_id))

    @app.post("/reports/{report_id}/events", include_in_schema=False)
    async def report_add_event_form(request: Request, report_id: str):
        form = await request.form()
        user = require_write(request, form.get("csrf_token"))
        after_write()
        try:
            event = form_new_event(form)
            event_id = store.add_event(report_id, event, user=user["username"])
        except (ReviewError, UserError) as e:
            return page(request, "error.html", status_code=400, message=str(e), back=f"/reports/{report_id}")
        return RedirectResponse(f"/events/{event_id}?msg=added", status_code=303)

    # ------------------------------------------------------------ fully reviewed reports, quality
    # (docs/review.md)

    def set_reviewed(report_id: str, action: str, user: str, note: str | None) -> dict:
        if action not in ("done", "undo"):
            raise UserError(f"action: {action!r} is not one of done, undo")
        if store.get_report(report_id) is None:
            raise HTTPException(404, f"{report_id}: no such report")
        after_write()
        mark = store.mark_reviewed if action == "done" else store.unmark_reviewed
        mark(report_id, user=user, note=note)
        return store.report_review_state(report_id)

    @app.post("/reports/{report_id}/reviewed", include_in_schema=False)
    async def report_reviewed_form(request: Request, report_id: str):
        form = await request.form()
        user = require_write(request, form.get("csrf_token"))
        try:
            set_reviewed(report_id, str(form.get("action") or ""), user["username"],
                         str(form.get("note") or "").strip() or None)
        except (ReviewError, UserError) as e:
            return page(request, "error.html", status_code=400, message=str(e), back=f"/reports/{report_id}")
        msg = "marked+fully+reviewed" if form.get("action") == "done" else "review+mark+undone"
        return RedirectResponse(f"/reports/{report_id}?msg={msg}#report-review", status_code=303)

    @app.get("/api/reports/{report_id}/reviewed", tags=["review"])
    def api_report_reviewed(report_id: str) -> dict:
        """Whether the report is marked fully reviewed (its events are gold), and the history of
        that mark."""
        if store.get_report(report_id) is None:
            raise HTTPException(404, f"{report_id}: no such report")
        return store.report_review_state(report_id)

    @app.post("/api/reports/{report_id}/reviewed", tags=["review"])
    def api_set_report_reviewed(request: Request, report_id: str,
                                decision: Annotated[dict, Body(examples=[{"action": "done", "note": "..."}])]):
        """`{"action": "done"}` marks the report fully reviewed (every event checked, missed ones
        added: its events become gold); `"undo"` takes the mark back. Needs an editor."""
        user = require_write(request, request.headers.get("x-csrf-token"))
        try:
            return set_reviewed(report_id, str(decision.get("action") or ""), user["username"],
                                decision.get("note"))
        except ReviewError as e:
            raise HTTPException(400, str(e))

    def quality_now():
        """The running extractor on the fully reviewed reports, cached like the charts; new
        figures are kept as an eval run of this version (repeats are not stored twice)."""
        def compute():
            result = store.evaluate()
            if result.documents:
                store.record_evaluation(result, source="web")
            return result
        return cache.get("quality", compute)

    def quality_params(params) -> tuple[str | None, str | None]:
        show, typ = params.get("show") or None, params.get("type") or None
        if show and show not in quality.SHOWS:
            raise UserError(f"show: {show!r} is not one of {', '.join(quality.SHOWS)}")
        if typ and typ not in store_codes()["types"]:
            raise UserError(f"type: {typ!r} is not a known code ({', '.join(store_codes()['types'])})")
        return show, typ

    @app.get("/quality", response_class=HTMLResponse, include_in_schema=False)
    def quality_page(request: Request):
        show, typ = quality_params(request.query_params)
        data = quality.quality_data(store, quality_now(), show=show, type=typ)
        return page(request, "quality.html", q=data, rows=quality.FIGURE_ROWS, shows=quality.SHOWS,
                    history_json=json.dumps(data["runs_by_version"]))

    @app.get("/api/quality", tags=["review"])
    def api_quality(request: Request,
                    show: Annotated[str | None, Query(description="errors behind a figure: " + " | ".join(quality.SHOWS))] = None,
                    type: Annotated[str | None, Query(description="only errors of this event type")] = None) -> dict:
        """The running extractor scored on the fully reviewed reports (figures of spec/events.md
        section 5, per type), reviewed reports by extractor version, the latest eval run of each
        version, and with `show` the errors behind a figure."""
        show, typ = quality_params(request.query_params)
        return quality.quality_data(store, quality_now(), show=show, type=typ)

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request):
        f = request_filters(request.query_params)
        return page(request, "map.html", f=f, params=request.query_params,
                    query=filter_query(request.query_params), tile_url=tile_url or "",
                    query_no_by=filter_query(request.query_params, ("page", "by")),
                    tile_attribution=tile_attribution)

    @app.get("/charts", response_class=HTMLResponse, include_in_schema=False)
    def charts_page(request: Request):
        f = request_filters(request.query_params)
        stats = cached_stats(request.query_params)
        return page(request, "charts.html", f=f, params=request.query_params, stats=stats,
                    stats_json=json.dumps(stats), query=filter_query(request.query_params),
                    query_no_by=filter_query(request.query_params, ("page", "by")))

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, next: str = "/events"):
        return page(request, "login.html", next=safe_next(next), error=None)

    @app.post("/login", include_in_schema=False)
    async def login_form(request: Request):
        form = await request.form()
        next_url = safe_next(str(form.get("next") or "/events"))
        if not auth.csrf_ok(request.session, form.get("csrf_token")):
            return page(request, "login.html", status_code=403, next=next_url,
                        error="The form expired; please try again.")
        try:
            do_login(request, str(form.get("username") or ""), str(form.get("password") or ""))
        except HTTPException as e:
            return page(request, "login.html", status_code=e.status_code, next=next_url, error=e.detail)
        return RedirectResponse(next_url, status_code=303)

    @app.post("/logout", include_in_schema=False)
    async def logout_form(request: Request):
        form = await request.form()
        if not auth.csrf_ok(request.session, form.get("csrf_token")):
            raise HTTPException(403, "missing or wrong CSRF token")
        request.session.clear()
        return RedirectResponse("/events", status_code=303)

    @app.get("/fragments/place-options", response_class=HTMLResponse, include_in_schema=False)
    def place_options_fragment(request: Request):
        options = app.state.place_options.get(store)
        return templates.TemplateResponse(request, "_place_options.html", {"options": options})

    @app.get("/api/places", tags=["meta"])
    def api_places() -> list[dict]:
        """Place ids that events point at, with their ancestors (for filter suggestions)."""
        return [{"id": pid, "name": name} for pid, name in app.state.place_options.get(store)]

    @app.get("/docs", include_in_schema=False)
    def api_docs():
        # Swagger UI from our own static files (npm swagger-ui-dist), not FastAPI's default CDN
        return get_swagger_ui_html(openapi_url="/openapi.json", title="nkevents API",
                                   swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/favicon.ico")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(status_code=204)

    @app.get("/healthz", include_in_schema=False)
    def healthz():
        return PlainTextResponse("ok")

    return app


def incident_view(incident: dict | None, report_id: str) -> list[dict]:
    """The incident's other reports for the event page, each with the event it gives."""
    if not incident:
        return []
    event_of = {link["report"]: link["event"] for link in incident["links"]}
    return [dict(r, event_id=event_of.get(r["id"])) for r in incident["reports"] if r["id"] != report_id]


def _tile_origin(tile_url: str | None) -> str:
    if not tile_url:
        return ""
    m = re.match(r"^(https?://[^/{}]+)", tile_url)
    return m.group(1) if m else ""


def safe_next(url: str) -> str:
    """Only local paths: a login link cannot send the user to another site."""
    return url if url.startswith("/") and not url.startswith("//") and "\\" not in url else "/events"


def user_problem(name: str, password: str, role: str) -> str | None:
    if not re.fullmatch(r"[A-Za-z0-9_.@-]{1,100}", name or ""):
        return "user name: use 1-100 letters, digits or _ . @ -"
    if len(password) < 8:
        return "password: at least 8 characters"
    if role not in auth.ROLES:
        return f"role: {role!r} is not one of {', '.join(auth.ROLES)}"
    return None


# ---------------------------------------------------------------- review forms

def _current_value(ev: dict, field: str):
    if "." in field:
        head, key = field.split(".", 1)
        return (ev.get(head) or {}).get(key)
    return ev.get(field)


def _form_value(field: str, raw: str):
    raw = raw.strip()
    if raw == "":
        return None
    if field in ("penalty.min_months", "penalty.max_months", "subjects.count"):
        try:
            return int(raw)
        except ValueError:
            raise ReviewError(f"{field}: {raw!r} is not a whole number")
    return raw


FORM_FIELDS = ("type", "date.start", "date.end", "date.precision", "date.text", "place.id",
               "penalty.kind", "penalty.min_months", "penalty.max_months", "subjects.text",
               "subjects.count", "modality", "attribution")


def form_changes(ev: dict, form) -> dict:
    """The fields the editor changed (form value differs from the event's) as store changes."""
    changes: dict[str, Any] = {}
    for field in FORM_FIELDS:
        if field not in form:
            continue
        new = _form_value(field, str(form.get(field)))
        old = _current_value(ev, field)
        if field == "place.id":
            if (new or None) != ((ev.get("place") or {}).get("id")):
                changes["place"] = new
            continue
        if field == "penalty.kind" and new is None and old is not None:
            changes["penalty"] = None
            continue
        if new != old:
            changes[field] = new
    if "charges" in form or form.get("charges_present"):
        new_charges = sorted(str(c) for c in form.getlist("charges"))
        if new_charges != sorted(ev.get("charges") or []):
            changes["charges"] = new_charges
    if "actors" in form:
        ids = [a.strip() for a in str(form.get("actors")).split(",") if a.strip()]
        if ids != [a.get("id") for a in ev.get("actors") or []]:
            old = {a.get("id"): a for a in ev.get("actors") or []}
            changes["actors"] = [old.get(i) or {"id": i, "text": i, "role": "authority"} for i in ids]
    # date parts only make sense together: a new start without an end means one day
    if "date.start" in changes and changes["date.start"] and not ev.get("date"):
        changes.setdefault("date.end", changes["date.start"])
        changes.setdefault("date.precision", "day")
    if "penalty.kind" in changes and changes["penalty.kind"] and not ev.get("penalty"):
        changes["penalty"] = {"kind": changes.pop("penalty.kind"),
                              "min_months": changes.pop("penalty.min_months", None),
                              "max_months": changes.pop("penalty.max_months", None), "text": ""}
    return changes


def form_new_event(form) -> dict:
    """An event object from the add-event form (type, evidence offsets and optional fields)."""
    try:
        start, end = int(str(form.get("start"))), int(str(form.get("end")))
    except ValueError:
        raise UserError("select the evidence in the report text first")
    event: dict[str, Any] = {"type": str(form.get("type") or ""), "evidence": [{"start": start, "end": end}],
                             "modality": str(form.get("modality") or "asserted")}
    d_start = str(form.get("date.start") or "").strip()
    if d_start:
        d_end = str(form.get("date.end") or "").strip() or d_start
        event["date"] = {"start": d_start, "end": d_end,
                         "precision": str(form.get("date.precision") or "day"), "text": ""}
    place = str(form.get("place.id") or "").strip()
    if place:
        event["place"] = place
    kind = str(form.get("penalty.kind") or "").strip()
    if kind:
        event["penalty"] = {"kind": kind, "min_months": _form_value("penalty.min_months", str(form.get("penalty.min_months") or "")),
                            "max_months": _form_value("penalty.max_months", str(form.get("penalty.max_months") or "")), "text": ""}
    charges = [str(c) for c in form.getlist("charges")]
    if charges:
        event["charges"] = charges
    subjects = str(form.get("subjects.text") or "").strip()
    if subjects:
        event["subjects"] = {"text": subjects, "count": _form_value("subjects.count", str(form.get("subjects.count") or ""))}
    return event


# ---------------------------------------------------------------- exports

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "geojson": "application/geo+json",
                "jsonl": "application/x-ndjson"}


def export_response(store: Store, f: EventFilter, fmt: str, order: str) -> Response:
    if fmt not in EXPORT_TYPES:
        raise HTTPException(404, f"export format {fmt!r} is not one of {', '.join(EXPORT_TYPES)}")
    from nkevents.export import export
    out = io.StringIO()
    # incident_id, sources and independent_sources columns (rows are already one per incident
    # when f.by is "incident")
    export(incidents.annotate_events(store, store.iter_events(f, order=order), by=f.by), fmt, out)
    name = f"nkevents-events-{date.today().isoformat()}.{fmt}"
    return Response(out.getvalue(), media_type=EXPORT_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
