"""Labels in the site's language. Every label can be overridden with the ``labels`` option."""

from __future__ import annotations

from .shortcodes.render import DEFAULT_TEXTS

EN = {
    "part_of": "Part {n} of {total}",
    "series": "Series",
    "previous": "Previous",
    "next": "Next",
    "current": "this post",
    "posts": "Posts",
    "tags": "Tags",
    "categories": "Categories",
    "people": "People",
    "companies": "Companies",
    "published": "Published",
    "source": "Source",
    "draft": "Draft — not published by mkdocs build",
    "scheduled": "Scheduled — not published by mkdocs build before {date}",
    "expired": "Expired — not published by mkdocs build since {date}",
    "sort_by_name": "Sort by name",
    "sort_by_count": "Sort by count",
    "post_count": "{n} posts",
    "post_count_one": "{n} post",
    "page_of": "Page {n} of {total}",
    "newer": "Newer",
    "older": "Older",
    "no_posts": "No posts yet.",
    "redirect": "This page has moved to",
    "related": "Related posts",
    "reading_time": "{minutes} min read",
}

# Words of the embeds (the shortcode extension's `texts`), under an "embed." prefix.
EN.update({f"embed.{k}": v for k, v in DEFAULT_TEXTS.items()})

ZH_HANT = {
    **EN,
    "embed.Watch": "觀看",
    "embed.Listen": "收聽",
    "embed.View": "查看",
    "embed.Download": "下載",
    "embed.Open": "開啟",
    "embed.link": "在 {provider} {verb}：{title}",
    "embed.link_untitled": "在 {provider} {verb}",
    "embed.download": "下載：{title}（{ext}）",
    "embed.play": "播放：{title}（{provider}）",
    "embed.play_untitled": "播放：{title}",
    "embed.show": "顯示：{title}（{provider}）",
    "embed.show_untitled": "顯示：{title}",
    "embed.click_to_load": "點擊後才從 {host} 載入",
    "embed.unavailable": "無法嵌入（{name}）",
    "embed.details": "詳細內容",
    "embed.YouTube video": "YouTube 影片",
    "embed.Vimeo video": "Vimeo 影片",
    "embed.Spotify episode": "Spotify 單集",
    "embed.Spotify show": "Spotify 節目",
    "embed.Spotify track": "Spotify 曲目",
    "embed.Spotify album": "Spotify 專輯",
    "embed.Spotify playlist": "Spotify 播放清單",
    "embed.SoundCloud track": "SoundCloud 音軌",
    "embed.SoundCloud playlist": "SoundCloud 播放清單",
    "embed.Episode audio": "單集音訊",
    "embed.Apple Podcasts episode": "Apple Podcasts 單集",
    "embed.Post on X": "X 上的貼文",
    "embed.post_by": "@{user} 的貼文",
    "part_of": "第 {n} 篇，共 {total} 篇",
    "series": "系列",
    "previous": "上一篇",
    "next": "下一篇",
    "current": "本篇",
    "posts": "文章",
    "tags": "標籤",
    "categories": "分類",
    "people": "人物",
    "companies": "公司",
    "published": "發佈於",
    "source": "來源",
    "draft": "草稿：mkdocs build 不會發佈",
    "scheduled": "排程中：{date} 之前 mkdocs build 不會發佈",
    "expired": "已過期：自 {date} 起 mkdocs build 不再發佈",
    "sort_by_name": "依名稱排序",
    "sort_by_count": "依篇數排序",
    "post_count": "{n} 篇文章",
    "post_count_one": "{n} 篇文章",
    "page_of": "第 {n} 頁，共 {total} 頁",
    "newer": "較新",
    "older": "較舊",
    "no_posts": "尚無文章。",
    "redirect": "此頁已移至",
    "related": "相關文章",
    "reading_time": "閱讀時間 {minutes} 分鐘",
}

ZH_HANS = {
    **ZH_HANT,
    "embed.Watch": "观看",
    "embed.Listen": "收听",
    "embed.Download": "下载",
    "embed.Open": "打开",
    "embed.download": "下载：{title}（{ext}）",
    "embed.click_to_load": "点击后才从 {host} 加载",
    "embed.show": "显示：{title}（{provider}）",
    "embed.show_untitled": "显示：{title}",
    "embed.unavailable": "无法嵌入（{name}）",
    "embed.details": "详细内容",
    "embed.YouTube video": "YouTube 视频",
    "embed.Vimeo video": "Vimeo 视频",
    "embed.Spotify episode": "Spotify 单集",
    "embed.Spotify show": "Spotify 节目",
    "embed.Spotify track": "Spotify 曲目",
    "embed.Spotify album": "Spotify 专辑",
    "embed.Spotify playlist": "Spotify 播放列表",
    "embed.SoundCloud track": "SoundCloud 音轨",
    "embed.SoundCloud playlist": "SoundCloud 播放列表",
    "embed.Episode audio": "单集音频",
    "embed.Apple Podcasts episode": "Apple Podcasts 单集",
    "embed.Post on X": "X 上的帖子",
    "embed.post_by": "@{user} 的帖子",
    "series": "系列",
    "previous": "上一篇",
    "next": "下一篇",
    "posts": "文章",
    "tags": "标签",
    "categories": "分类",
    "people": "人物",
    "companies": "公司",
    "published": "发布于",
    "source": "来源",
    "draft": "草稿：mkdocs build 不会发布",
    "scheduled": "已排程：{date} 之前 mkdocs build 不会发布",
    "expired": "已过期：自 {date} 起 mkdocs build 不再发布",
    "sort_by_name": "按名称排序",
    "sort_by_count": "按篇数排序",
    "post_count": "{n} 篇文章",
    "post_count_one": "{n} 篇文章",
    "page_of": "第 {n} 页，共 {total} 页",
    "newer": "较新",
    "older": "较旧",
    "no_posts": "暂无文章。",
    "redirect": "此页已移至",
    "related": "相关文章",
    "reading_time": "阅读时间 {minutes} 分钟",
}

JA = {
    **EN,
    "embed.Watch": "視聴",
    "embed.Listen": "聴く",
    "embed.View": "表示",
    "embed.Download": "ダウンロード",
    "embed.Open": "開く",
    "embed.link": "{provider}で{verb}：{title}",
    "embed.link_untitled": "{provider}で{verb}",
    "embed.download": "ダウンロード：{title}（{ext}）",
    "embed.play": "再生：{title}（{provider}）",
    "embed.play_untitled": "再生：{title}",
    "embed.show": "表示：{title}（{provider}）",
    "embed.show_untitled": "表示：{title}",
    "embed.click_to_load": "クリックすると {host} から読み込みます",
    "embed.unavailable": "埋め込みできません（{name}）",
    "embed.details": "詳細",
    "embed.YouTube video": "YouTube 動画",
    "embed.Vimeo video": "Vimeo 動画",
    "embed.Spotify episode": "Spotify エピソード",
    "embed.Spotify show": "Spotify 番組",
    "embed.Episode audio": "エピソード音声",
    "embed.Apple Podcasts episode": "Apple Podcasts エピソード",
    "embed.Post on X": "X のポスト",
    "embed.post_by": "@{user} のポスト",
    "part_of": "全{total}回中の第{n}回",
    "series": "シリーズ",
    "previous": "前へ",
    "next": "次へ",
    "current": "この記事",
    "posts": "記事",
    "tags": "タグ",
    "categories": "カテゴリー",
    "people": "人物",
    "companies": "企業",
    "published": "公開日",
    "source": "出典",
    "draft": "下書き：mkdocs build では公開されません",
    "scheduled": "予約投稿：{date} まで mkdocs build では公開されません",
    "expired": "期限切れ：{date} 以降 mkdocs build では公開されません",
    "sort_by_name": "名前順",
    "sort_by_count": "件数順",
    "post_count": "{n} 件の記事",
    "post_count_one": "{n} 件の記事",
    "page_of": "{total} ページ中 {n} ページ目",
    "newer": "新しい記事",
    "older": "古い記事",
    "no_posts": "まだ記事はありません。",
    "redirect": "このページの移動先：",
    "related": "関連記事",
    "reading_time": "{minutes} 分で読めます",
}

_BY_LANGUAGE = {
    "en": EN,
    "zh-tw": ZH_HANT,
    "zh-hk": ZH_HANT,
    "zh-hant": ZH_HANT,
    "zh-mo": ZH_HANT,
    "zh": ZH_HANS,
    "zh-cn": ZH_HANS,
    "zh-sg": ZH_HANS,
    "zh-hans": ZH_HANS,
    "ja": JA,
    "ja-jp": JA,
}


def embed_texts(labels: dict[str, str]) -> dict[str, str]:
    return {k[len("embed.") :]: v for k, v in labels.items() if k.startswith("embed.")}


def theme_language(config) -> str:
    """The site's language as the writer declared it for the theme (Material: ``language``,
    MkDocs' themes: ``locale``), as a language tag for feeds and JSON-LD (MkDocs' ``locale`` is
    Babel's ``zh_Hant_TW``: ``zh-Hant-TW``); empty when none is declared."""
    return str(config.theme.get("language") or config.theme.get("locale") or "").replace("_", "-")


def page_language(config) -> str:
    """The language the theme prints in ``<html lang>``: Material's ``language``, else ``locale``
    (MkDocs' own themes and most others print it, whatever a ``language`` there says)."""
    theme = config.theme
    if theme.name == "material":
        return str(theme.get("language") or "")
    return str(theme.get("locale") or theme.get("language") or "")


def _table(language: str | None) -> dict[str, str] | None:
    """The closest table: ``zh_TW`` and ``zh-Hant-TW`` both find Traditional Chinese."""
    lang = (language or "en").replace("_", "-").lower()
    table = _BY_LANGUAGE.get(lang)
    if table is None and lang.startswith("zh-"):
        table = ZH_HANT if "hant" in lang or lang[3:5] in ("tw", "hk", "mo") else ZH_HANS
    return table if table is not None else _BY_LANGUAGE.get(lang.split("-")[0])


def has_labels(language: str | None) -> bool:
    """Whether the plugin speaks ``language`` (else its labels are English until overridden)."""
    return _table(language) is not None


#: The language each table is written in, as a ``lang`` attribute says it.
_TABLE_LANG = {id(EN): "en", id(ZH_HANT): "zh-Hant", id(ZH_HANS): "zh-Hans", id(JA): "ja"}


def _same_language(a: str, b: str) -> bool:
    ta, tb = _table(a), _table(b)
    if ta is not None or tb is not None:
        return ta is tb  # zh-TW and zh-Hant are one; zh-TW and zh-CN are not
    return a.replace("_", "-").lower().split("-")[0] == b.replace("_", "-").lower().split("-")[0]


def label_languages(language: str | None, page_language: str, overrides: dict | None = None) -> dict[str, str]:
    """For each label in another language than the page's, that language (for a ``lang``
    attribute: a screen reader then reads "Related posts" on a French page as English, WCAG
    3.1.2); the others are left out. The plugin's own words are in their table's language (English
    where it has none for ``language``); a writer's ``labels`` override in ``language``."""
    page = page_language or "en"  # what MkDocs' themes say when they are told nothing
    language = language or page
    table = _table(language)
    ours = _TABLE_LANG[id(table if table is not None else EN)]
    theirs = language.replace("_", "-")
    out = {}
    for key in labels_for(language, overrides):
        lang = theirs if key in (overrides or {}) else ours
        if not _same_language(lang, page):
            out[key] = lang
    return out


def labels_for(language: str | None, overrides: dict | None = None) -> dict[str, str]:
    """The labels in ``language`` (English where the plugin has none), with ``overrides``."""
    labels = dict(_table(language) or EN)
    overrides = {str(key): str(value) for key, value in (overrides or {}).items()}
    for new, old in _FALLS_BACK.items():
        if old in overrides and new not in overrides:
            labels[new] = overrides[old]  # a site that wrote its own words before this label was
    labels.update(overrides)
    return labels


#: A label added later -> the one it was split from: a writer's words for the older label stand
#: for the newer one too, rather than the English default among their own (a French "Lire :"
#: for every player, X posts included, not "Show" for those).
_FALLS_BACK = {"embed.show": "embed.play", "embed.show_untitled": "embed.play_untitled"}
