"""Built-in embeds: one small declarative spec per provider.

A spec names the shortcode (and its aliases), maps positional arguments to parameter names, gives one
validator per parameter and a `build` function that turns the validated values into an `Embed`.
Validators raise `ArgError` with a sentence saying what was expected; `build` only ever sees validated
values, and every URL is assembled from those parts (never from a raw argument).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

__all__ = ["BUILTINS", "ArgError", "Embed", "EmbedSpec", "lookup"]


class ArgError(ValueError):
    """An argument failed validation; the message says what was expected."""


@dataclass(frozen=True)
class Embed:
    """Everything needed to render one embed; all strings are plain (escaped on output)."""

    provider: str  # CSS modifier and data attribute, e.g. "youtube"
    label: str  # shown to readers, e.g. "YouTube"
    kind: str  # "video", "audio" or "post"
    title: str
    href: str  # canonical page of the episode on the provider's own site
    src: str = ""  # iframe src (iframe mode)
    facade_src: str = ""  # iframe src after a click (may autoplay)
    host: str = ""  # third-party host named in the privacy hint
    verb: str = "Open"  # link text: "<verb> on <label>"
    allow: str = ""
    fullscreen: bool = False
    variant: str = ""  # extra CSS modifier, e.g. "spotify-episode"
    loading: str = "lazy"
    sandbox: str = ""
    css_class: str = ""
    audio_type: str = ""  # for the self-hosted <audio> player
    titled: bool = True  # False when `title` is a generic default like "YouTube video"
    title_user: str = ""  # an X post's author, for the generic title "Post by @user"


Validator = Callable[[str], Any]


@dataclass(frozen=True)
class EmbedSpec:
    """One built-in shortcode."""

    name: str
    build: Callable[[dict[str, Any]], Embed]
    params: Mapping[str, Validator]
    positional: Mapping[int, tuple[str, ...]] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    expects: str = ""  # how to write the first argument, for "missing argument" warnings


# --- generic validators -------------------------------------------------------------------------

_CLASS_RE = re.compile(r"[A-Za-z_][\w-]*(?: [A-Za-z_][\w-]*)*")
_DURATION_RE = re.compile(r"(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?")


def text(value: str) -> str:
    value = " ".join(value.split())
    if len(value) > 300:
        raise ArgError("is too long for a title (300 characters at most)")
    return value


def seconds(value: str) -> int:
    m = _DURATION_RE.fullmatch(value.strip())
    if not value.strip() or not m:
        raise ArgError("is not a time in seconds (like 90 or 1m30s)")
    h, mi, s = (int(g) if g else 0 for g in m.groups())
    return h * 3600 + mi * 60 + s


def boolean(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in ("true", "1", "yes", "on"):
        return True
    if lowered in ("false", "0", "no", "off"):
        return False
    raise ArgError("is not true or false")


def choice(*options: str) -> Validator:
    def validate(value: str) -> str:
        if value not in options:
            raise ArgError(f"is not one of {', '.join(options)}")
        return value

    return validate


def css_class(value: str) -> str:
    value = value.strip()
    if not _CLASS_RE.fullmatch(value):
        raise ArgError("is not a list of CSS class names (letters, digits, _ and -, separated by spaces)")
    return value


COMMON: dict[str, Validator] = {"title": text, "class": css_class}


def _url(value: str, hosts: tuple[str, ...]) -> tuple[str, list[str], dict[str, list[str]]] | None:
    """Split an http(s) URL on one of `hosts` into (host, path segments, query); None if not a URL."""
    value = value.strip()
    if not re.match(r"(?i)(?:https?:)?//|(?:www\.)?[a-z0-9.-]+\.[a-z]{2,}/", value):
        return None
    parts = urlsplit(value if "//" in value else "https://" + value)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ("http", "https", "") or host not in hosts:
        raise ArgError(f"is a URL, but not on {' or '.join(hosts[:2])}")
    segments = [unquote(s) for s in parts.path.split("/") if s]
    return host, segments, parse_qs(parts.query)


# --- YouTube ------------------------------------------------------------------------------------

_YT_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_YT_HOSTS = (
    "www.youtube.com",
    "youtube.com",
    "m.youtube.com",
    "music.youtube.com",
    "youtu.be",
    "www.youtube-nocookie.com",
    "youtube-nocookie.com",
)
_YT_EXPECTED = "is not a YouTube video ID or URL (11 characters of A-Z a-z 0-9 _ -)"


def youtube_id(value: str) -> tuple[str, int | None]:
    """A video ID or any youtube.com / youtu.be URL; returns (id, start from `t=` or None)."""
    try:
        url = _url(value, _YT_HOSTS)
    except ArgError:
        raise ArgError(_YT_EXPECTED) from None
    start = None
    if url is None:
        candidate = value.strip()
    else:
        host, segments, query = url
        if host == "youtu.be" and len(segments) == 1:
            candidate = segments[0]
        elif segments == ["watch"] and "v" in query:
            candidate = query["v"][0]
        elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live", "v"):
            candidate = segments[1]
        else:
            raise ArgError(_YT_EXPECTED)
        t = (query.get("t") or query.get("start") or [None])[0]
        if t:
            start = seconds(t)
    if not _YT_ID.fullmatch(candidate):
        raise ArgError(_YT_EXPECTED)
    return candidate, start


def build_youtube(v: dict[str, Any]) -> Embed:
    video, url_start = v["id"]
    start = v.get("start", url_start)
    query: list[tuple[str, str]] = []
    if start:
        query.append(("start", str(start)))
    if "end" in v:
        query.append(("end", str(v["end"])))
    if v.get("controls") is False:
        query.append(("controls", "0"))
    if v.get("mute"):
        query.append(("mute", "1"))
    if v.get("loop"):
        query += [("loop", "1"), ("playlist", video)]
    base = f"https://www.youtube-nocookie.com/embed/{video}"
    iframe_query = query + ([("autoplay", "1")] if v.get("autoplay") else [])
    src = base + ("?" + urlencode(iframe_query) if iframe_query else "")
    href = f"https://www.youtube.com/watch?v={video}" + (f"&t={start}s" if start else "")
    return Embed(
        provider="youtube",
        label="YouTube",
        kind="video",
        verb="Watch",
        title=v.get("title") or "YouTube video",
        titled="title" in v,
        href=href,
        src=src,
        facade_src=base + "?" + urlencode([*query, ("autoplay", "1")]),
        host="www.youtube-nocookie.com",
        allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; "
        "web-share",
        fullscreen=v.get("allowFullScreen", True),
        loading=v.get("loading", "lazy"),
    )


YOUTUBE = EmbedSpec(
    name="youtube",
    build=build_youtube,
    positional={1: ("id",)},
    required=("id",),
    expects="a YouTube video ID or URL",
    params={
        **COMMON,
        "id": youtube_id,
        "start": seconds,
        "end": seconds,
        "loading": choice("lazy", "eager"),
        "allowFullScreen": boolean,
        "autoplay": boolean,
        "controls": boolean,
        "mute": boolean,
        "loop": boolean,
    },
)

# --- Spotify ------------------------------------------------------------------------------------

_SPOTIFY_TYPES = ("episode", "show", "track", "album", "playlist", "artist")
_SPOTIFY_ID = re.compile(r"[A-Za-z0-9]{22}")
_SPOTIFY_EXPECTED = (
    "is not a Spotify path or URL (episode/, show/, track/, album/, playlist/ or artist/ "
    "followed by a 22-character ID of A-Z a-z 0-9)"
)
_SPOTIFY_HEIGHT = {"episode": "232", "show": "232", "track": "152", "compact": "152"}


def spotify_id(value: str) -> tuple[str | None, str]:
    """`episode/ID`, `spotify:episode:ID`, an open.spotify.com URL, or a bare ID (needs `type`)."""
    try:
        url = _url(value, ("open.spotify.com", "play.spotify.com"))
    except ArgError:
        raise ArgError(_SPOTIFY_EXPECTED) from None
    if url is not None:
        segments = url[1]
        if segments and segments[0] == "embed":
            segments = segments[1:]
        if segments and segments[0].startswith("intl-"):
            segments = segments[1:]
    else:
        value = value.strip()
        segments = value.split(":")[1:] if value.startswith("spotify:") else value.strip("/").split("/")
    if len(segments) == 1 and _SPOTIFY_ID.fullmatch(segments[0]):
        return None, segments[0]
    if len(segments) != 2 or segments[0] not in _SPOTIFY_TYPES or not _SPOTIFY_ID.fullmatch(segments[1]):
        raise ArgError(_SPOTIFY_EXPECTED)
    return segments[0], segments[1]


def build_spotify(v: dict[str, Any]) -> Embed:
    kind, ident = v["id"]
    kind = kind or v.get("type")
    if kind is None:
        raise ArgError("is a bare Spotify ID; write episode/ID (or add type=episode, show, track, ...)")
    size = "compact" if v.get("compact") else kind
    src = f"https://open.spotify.com/embed/{kind}/{ident}"
    return Embed(
        provider="spotify",
        label="Spotify",
        kind="audio",
        verb="Listen",
        title=v.get("title") or f"Spotify {kind}",
        titled="title" in v,
        href=f"https://open.spotify.com/{kind}/{ident}",
        src=src,
        facade_src=src,
        host="open.spotify.com",
        allow="autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture",
        variant=f"spotify-{size if size in _SPOTIFY_HEIGHT else 'large'}",
    )


SPOTIFY = EmbedSpec(
    name="spotify",
    build=build_spotify,
    positional={1: ("id",)},
    required=("id",),
    expects="a Spotify path like episode/ID or an open.spotify.com URL",
    params={**COMMON, "id": spotify_id, "type": choice(*_SPOTIFY_TYPES), "compact": boolean},
)

# --- Apple Podcasts -----------------------------------------------------------------------------

_APPLE_PATH = re.compile(
    r"(?:(?P<cc>[a-z]{2})/)?podcast/(?:(?P<slug>[\w%.-]{1,200})/)?id(?P<id>\d{1,15})"
    r"(?:\?(?P<query>[\w%=&.;-]*))?"
)
_APPLE_EXPECTED = (
    "is not an Apple Podcasts path or URL (like us/podcast/show-name/id1234567890?i=1000123456789)"
)


def apple_path(value: str) -> tuple[str, str, str, str]:
    """`cc/podcast/slug/idNNN?i=NNN` or a podcasts.apple.com URL; returns (cc, slug, id, episode)."""
    value = value.strip()
    m = re.match(r"(?i)(?:https?:)?//(?:embed\.)?podcasts\.apple\.com/", value)
    if m:
        value = value[m.end() :]
    value = value.lstrip("/").split("#", 1)[0]
    m = _APPLE_PATH.fullmatch(value)
    if not m:
        raise ArgError(_APPLE_EXPECTED)
    episode = ""
    if m.group("query"):
        episodes = parse_qs(m.group("query")).get("i", [""])
        episode = episodes[0]
        if episode and not re.fullmatch(r"\d{1,20}", episode):
            raise ArgError(_APPLE_EXPECTED)
    return m.group("cc") or "us", unquote(m.group("slug") or ""), m.group("id"), episode


def build_apple(v: dict[str, Any]) -> Embed:
    cc, slug, show, episode = v["url"]
    path = f"{cc}/podcast/" + (quote(slug, safe="-._~") + "/" if slug else "") + f"id{show}"
    query = f"?i={episode}" if episode else ""
    default_title = " ".join(slug.replace("-", " ").split()) or "Apple Podcasts episode"
    return Embed(
        provider="apple-podcast",
        label="Apple Podcasts",
        kind="audio",
        verb="Listen",
        title=v.get("title") or default_title,
        titled="title" in v or bool(slug),
        href=f"https://podcasts.apple.com/{path}{query}",
        src=f"https://embed.podcasts.apple.com/{path}{query}" + ("&" if query else "?") + "theme=auto",
        host="embed.podcasts.apple.com",
        allow="autoplay *; encrypted-media *; fullscreen *; clipboard-write",
        sandbox="allow-forms allow-popups allow-same-origin allow-scripts "
        "allow-storage-access-by-user-activation allow-top-navigation-by-user-activation",
        variant="apple-podcast-episode" if episode else "apple-podcast-show",
    )


APPLE = EmbedSpec(
    name="apple-podcast",
    aliases=("apple-podcasts", "applepodcast", "apple_podcast"),
    build=build_apple,
    positional={1: ("url",)},
    required=("url",),
    expects="an Apple Podcasts path or URL",
    params={**COMMON, "url": apple_path},
)

# --- Vimeo --------------------------------------------------------------------------------------

_VIMEO_EXPECTED = "is not a Vimeo video ID (digits) or vimeo.com URL"


def vimeo_id(value: str) -> tuple[str, str]:
    """Digits, vimeo.com/ID[/HASH] or player.vimeo.com/video/ID?h=HASH; returns (id, hash)."""
    try:
        url = _url(value, ("vimeo.com", "www.vimeo.com", "player.vimeo.com"))
    except ArgError:
        raise ArgError(_VIMEO_EXPECTED) from None
    if url is None:
        segments, secret = [value.strip()], ""
    else:
        _, segments, query = url
        secret = (query.get("h") or [""])[0]
        if segments[:1] == ["video"]:
            segments = segments[1:]
        digits = [i for i, s in enumerate(segments) if s.isdigit()]
        if not digits:
            raise ArgError(_VIMEO_EXPECTED)
        if len(segments) > digits[-1] + 1:
            secret = secret or segments[digits[-1] + 1]
        segments = [segments[digits[-1]]]
    if not re.fullmatch(r"\d{1,12}", segments[0]) or (secret and not re.fullmatch(r"[0-9a-f]{6,20}", secret)):
        raise ArgError(_VIMEO_EXPECTED)
    return segments[0], secret


def build_vimeo(v: dict[str, Any]) -> Embed:
    video, secret = v["id"]
    query = [("h", secret)] if secret else []
    base = f"https://player.vimeo.com/video/{video}?"
    return Embed(
        provider="vimeo",
        label="Vimeo",
        kind="video",
        verb="Watch",
        title=v.get("title") or "Vimeo video",
        titled="title" in v,
        href=f"https://vimeo.com/{video}" + (f"/{secret}" if secret else ""),
        src=base + urlencode([*query, ("dnt", "1")]),
        facade_src=base + urlencode([*query, ("dnt", "1"), ("autoplay", "1")]),
        host="player.vimeo.com",
        allow="autoplay; fullscreen; picture-in-picture",
        fullscreen=v.get("allowFullScreen", True),
        loading=v.get("loading", "lazy"),
    )


VIMEO = EmbedSpec(
    name="vimeo",
    aliases=("vimeo_simple",),  # Hugo's thumbnail that links to Vimeo: the same click-to-load here
    build=build_vimeo,
    positional={1: ("id",)},
    required=("id",),
    expects="a Vimeo video ID or URL",
    params={**COMMON, "id": vimeo_id, "loading": choice("lazy", "eager"), "allowFullScreen": boolean},
)

# --- SoundCloud ---------------------------------------------------------------------------------

_SC_EXPECTED = "is not a soundcloud.com track or playlist URL"


def soundcloud_url(value: str) -> str:
    """A soundcloud.com/user/track (or /user/sets/playlist) URL; returns the canonical URL."""
    try:
        url = _url(value, ("soundcloud.com", "www.soundcloud.com", "m.soundcloud.com"))
    except ArgError:
        raise ArgError(_SC_EXPECTED) from None
    if url is None:
        raise ArgError(_SC_EXPECTED)
    segments = url[1]
    ok = len(segments) == 2 or (len(segments) == 3 and segments[1] == "sets")
    if not ok or not all(re.fullmatch(r"[A-Za-z0-9_-]{1,100}", s) for s in segments):
        raise ArgError(_SC_EXPECTED)
    return "https://soundcloud.com/" + "/".join(segments)


def soundcloud_id(value: str) -> str:
    if not re.fullmatch(r"\d{1,20}", value.strip()):
        raise ArgError("is not a SoundCloud track or playlist ID (digits)")
    return value.strip()


def build_soundcloud(v: dict[str, Any]) -> Embed:
    if "url" in v:
        target = page = v["url"]
        playlist = "/sets/" in page
    elif "id" in v:
        kind = v.get("kind", "track")
        playlist = kind == "playlist"
        target = f"https://api.soundcloud.com/{kind}s/{v['id']}"
        page = ""
    else:
        raise ArgError("needs a soundcloud.com URL, or `track ID` / `playlist ID`")
    player = "https://w.soundcloud.com/player/?" + urlencode([("url", target), ("visual", "false")])
    return Embed(
        provider="soundcloud",
        label="SoundCloud",
        kind="audio",
        verb="Listen",
        title=v.get("title") or ("SoundCloud playlist" if playlist else "SoundCloud track"),
        titled="title" in v,
        href=page or player,
        src=player,
        facade_src=player + "&auto_play=true",
        host="w.soundcloud.com",
        allow="autoplay",
        variant="soundcloud-playlist" if playlist else "soundcloud-track",
    )


SOUNDCLOUD = EmbedSpec(
    name="soundcloud",
    build=build_soundcloud,
    positional={1: ("url",), 2: ("kind", "id")},
    expects="a soundcloud.com URL, or `track ID`",
    params={**COMMON, "url": soundcloud_url, "id": soundcloud_id, "kind": choice("track", "playlist")},
)

# --- X / Twitter --------------------------------------------------------------------------------

_X_HOSTS = ("x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "mobile.x.com")
_X_EXPECTED = "is not a post ID (digits) or an x.com / twitter.com status URL"


def x_id(value: str) -> tuple[str | None, str]:
    """Digits, or https://x.com/USER/status/ID; returns (user or None, id)."""
    try:
        url = _url(value, _X_HOSTS)
    except ArgError:
        raise ArgError(_X_EXPECTED) from None
    if url is None:
        user, ident = None, value.strip()
    else:
        segments = url[1]
        if len(segments) < 3 or segments[1] not in ("status", "statuses"):
            raise ArgError(_X_EXPECTED)
        user, ident = x_user(segments[0]), segments[2]
    if not re.fullmatch(r"\d{1,20}", ident):
        raise ArgError(_X_EXPECTED)
    return user, ident


def x_user(value: str) -> str:
    value = value.strip().removeprefix("@")
    if not re.fullmatch(r"[A-Za-z0-9_]{1,15}", value):
        raise ArgError("is not an X user name (1 to 15 characters of A-Z a-z 0-9 _)")
    return value


def build_x(v: dict[str, Any]) -> Embed:
    url_user, ident = v["id"]
    user = v.get("user") or url_user or "i"
    src = "https://platform.twitter.com/embed/Tweet.html?" + urlencode([("id", ident), ("dnt", "true")])
    return Embed(
        provider="x",
        label="X",
        kind="post",
        verb="View",
        title=v.get("title") or (f"Post by @{user}" if user != "i" else "Post on X"),
        titled="title" in v,
        title_user=user if user != "i" and "title" not in v else "",
        href=f"https://x.com/{user}/status/{ident}",
        src=src,
        facade_src=src,
        host="platform.twitter.com",
    )


X = EmbedSpec(
    name="x",
    aliases=("x-post", "x_simple", "twitter", "tweet"),  # x_simple: Hugo's, no script either way
    build=build_x,
    positional={1: ("id",), 2: ("user", "id")},
    required=("id",),
    expects="`USER ID`, `user=... id=...` or an x.com status URL",
    params={**COMMON, "id": x_id, "user": x_user},
)

# --- self-hosted audio --------------------------------------------------------------------------

_AUDIO_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "mp4": "audio/mp4",
    "aac": "audio/aac",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/ogg",
    "wav": "audio/wav",
    "flac": "audio/flac",
    "webm": "audio/webm",
}
_AUDIO_EXPECTED = (
    f"is not a relative or https URL of an audio file ({', '.join('.' + e for e in _AUDIO_TYPES)})"
)


def audio_src(value: str) -> str:
    """A relative path or https URL ending in an audio extension; returns a safely quoted URL."""
    value = value.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("", "https") or (parts.scheme and not parts.hostname) or value.startswith("//"):
        raise ArgError(_AUDIO_EXPECTED)
    if (
        not re.fullmatch(r"[^\0-\x1f\"'<>\\`]+", value)
        or parts.path.rsplit(".", 1)[-1].lower() not in _AUDIO_TYPES
    ):
        raise ArgError(_AUDIO_EXPECTED)
    path = quote(unquote(parts.path), safe="/-._~!$&()*+,;=:@")
    query = ("?" + quote(unquote(parts.query), safe="=&-._~")) if parts.query else ""
    prefix = f"https://{parts.netloc}" if parts.scheme else ""
    return prefix + path + query


def audio_type(value: str) -> str:
    if not re.fullmatch(r"audio/[a-z0-9.+-]{1,40}", value.strip()):
        raise ArgError("is not an audio MIME type (like audio/mpeg)")
    return value.strip()


def build_audio(v: dict[str, Any]) -> Embed:
    src = v["src"]
    ext = urlsplit(src).path.rsplit(".", 1)[-1].lower()
    return Embed(
        provider="audio",
        label="audio file",
        kind="audio",
        verb="Download",
        title=v.get("title") or "Episode audio",
        titled="title" in v,
        href=src,
        src=src,
        audio_type=v.get("type") or _AUDIO_TYPES[ext],
    )


AUDIO = EmbedSpec(
    name="audio",
    build=build_audio,
    positional={1: ("src",)},
    required=("src",),
    expects="the URL of an audio file",
    params={**COMMON, "src": audio_src, "type": audio_type},
)

BUILTINS: dict[str, EmbedSpec] = {}
for _spec in (YOUTUBE, SPOTIFY, APPLE, VIMEO, SOUNDCLOUD, X, AUDIO):
    for _name in (_spec.name, *_spec.aliases):
        BUILTINS[_name] = _spec


def lookup(name: str) -> EmbedSpec | None:
    return BUILTINS.get(name) or BUILTINS.get(name.lower())
