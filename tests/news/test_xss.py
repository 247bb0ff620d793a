"""Whatever is typed into an article, no executable content reaches the rendered page."""

from html.parser import HTMLParser

import pytest

from news.text import render_markdown
from tests.news.factories import published_article

pytestmark = pytest.mark.django_db

CORPUS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<img src=x onerror="alert(1)">',
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">bấm vào đây</a>',
    '<a href="JaVaScRiPt:alert(1)">hoa thường</a>',
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    "[liên kết](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "![ảnh](javascript:alert(1))",
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<iframe src="https://evil.example"></iframe>',
    '<object data="evil.swf"></object><embed src="evil.swf">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<p style="background:url(javascript:alert(1))">kiểu</p>',
    '<form action="https://evil.example"><input name=x></form>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<div onclick="alert(1)" onmouseover=alert(1)>chia sẻ',
    "<<img src=x onerror=alert(1)//<",
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:alert(1)//">',
    "<!--<img src=x onerror=alert(1)>-->",
    "<p>Đoạn văn <b>dở dang <i>chưa đóng",
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcset", "poster"}
FORBIDDEN_TAGS = {
    "script", "style", "iframe", "object", "embed", "svg", "math", "form", "input", "meta",
    "base", "link", "frame", "frameset", "applet",
}  # fmt: skip


# The layout itself has forms, meta and link tags; nowhere on the page may these appear.
FORBIDDEN_ANYWHERE = {"script", "style", "iframe", "object", "embed", "svg", "math", "base"}


class ExecutableFinder(HTMLParser):
    def __init__(self, forbidden):
        super().__init__()
        self.forbidden = forbidden
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.forbidden:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name == "style":
                self.found.append(f"{tag} style=")
            if name in URL_ATTRIBUTES and value:
                squeezed = "".join(value.split()).lower()
                if squeezed.startswith(("javascript:", "data:", "vbscript:")):
                    self.found.append(f"{tag} {name}={value}")


def executable_bits(html: str, forbidden=FORBIDDEN_TAGS) -> list[str]:
    finder = ExecutableFinder(forbidden)
    finder.feed(html)
    return finder.found


def _article(html: str) -> str:
    return html.split('<article class="news-article">', 1)[1].split("</article>", 1)[0]


@pytest.mark.parametrize("payload", CORPUS)
def test_it_leaves_nothing_executable_in_the_stored_html(payload):
    assert executable_bits(render_markdown(payload)) == []


def test_it_leaves_nothing_executable_in_the_rendered_page(client):
    body = "\n\n".join(CORPUS)
    article = published_article(
        title='<script>alert("tiêu đề")</script>',
        lead="<img src=x onerror=alert(1)> tóm tắt",
        body_markdown=body,
        byline="<svg onload=alert(1)>",
        source_name="<b>Nguồn</b>",
        source_url="https://example.vn/bai",
        tag_names=["<script>the</script>"],
    )

    response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    # The page's own head and layout have no script; the fields are escaped; the body is clean.
    assert executable_bits(html, FORBIDDEN_ANYWHERE) == []
    assert executable_bits(_article(html)) == []
    assert "&lt;script&gt;alert(&quot;tiêu đề&quot;)&lt;/script&gt;" in html
    assert "Đoạn văn" in _article(html)


def test_it_keeps_ordinary_formatting_and_safe_links():
    html = render_markdown(
        "## Tiêu đề\n\n**đậm**, *nghiêng*, [trang](https://example.vn) và "
        "[thư](mailto:lienhe@example.vn)\n\n- một\n- hai"
    )

    assert "<h2>Tiêu đề</h2>" in html
    assert "<strong>đậm</strong>" in html
    assert 'href="https://example.vn"' in html
    assert 'href="mailto:lienhe@example.vn"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
    assert "<li>hai</li>" in html
