"""The static site keeps to the rules its hosting enforces: a strict Content-Security-Policy (no inline
script or style, nothing from other origins), generated files in step, sign-in configured in one place."""

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
FRONTEND = ROOT / "frontend"
ASSETS = FRONTEND / "assets"
SCRIPTS = sorted(ASSETS.rglob("*.js"))
PAGES = [FRONTEND / "index.html", FRONTEND / "404.html"]


def served_csp() -> str:
    """The policy CloudFront sends with every response (template.yaml)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)  # CloudFormation tags: not needed here
    template = yaml.load((ROOT / "template.yaml").read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    config = template["Resources"]["SecurityHeadersPolicy"]["Properties"]["ResponseHeadersPolicyConfig"]
    return config["SecurityHeadersConfig"]["ContentSecurityPolicy"]["ContentSecurityPolicy"]


def test_the_pages_hold_no_inline_script_style_or_handler():
    for page in PAGES:
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*>", html, flags=re.I)
        assert all("src=" in s for s in scripts), f"{page.name}: inline <script>"
        assert re.search(r"<script\b[^>]*>\s*[^<\s]", html, flags=re.I) is None, f"{page.name}: script body"
        assert "<style" not in html.lower(), f"{page.name}: <style> element"
        assert re.search(r"\sstyle\s*=", html, flags=re.I) is None, f"{page.name}: style attribute"
        assert re.search(r"\son[a-z]+\s*=", html, flags=re.I) is None, f"{page.name}: inline event handler"
        assert re.search(r"(src|href)=\"(https?:)?//", html) is None, f"{page.name}: resource from another origin"


def test_the_pages_carry_the_served_policy_too():
    """The same policy in a <meta> (less frame-ancestors, which only a header can carry), so the local
    server and any other host enforce what CloudFront does."""
    expected = "; ".join(d for d in served_csp().split("; ") if not d.startswith("frame-ancestors"))
    for page in PAGES:
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page.read_text("utf-8"))
        assert meta and meta.group(1) == expected, page.name


def test_scripts_never_set_styles_or_html_nor_load_from_elsewhere():
    forbidden = {
        r"\.style\b\s*[.=\[]": "a style attribute (use a class)",
        r"setAttribute\(\s*[\"']style": "a style attribute (use a class)",
        r"cssText": "a style attribute (use a class)",
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write": "HTML from strings",
        r"\beval\(|new Function\(": "code from strings",
        r"https?://(?!www\.w3\.org/2000/svg\b)": "another origin",  # SVG's namespace is a name, not a load
    }
    for script in SCRIPTS:
        source = script.read_text(encoding="utf-8")
        for pattern, what in forbidden.items():
            assert re.search(pattern, source) is None, f"{script.relative_to(ROOT)}: {what}"


def test_the_province_list_is_the_one_the_center_directory_is_built_from():
    from infra.export_provinces import TARGET, provinces_module

    assert TARGET.read_text(encoding="utf-8") == provinces_module(), "run `make schema` and commit provinces.js"


def test_where_people_sign_in_is_configured_in_one_place():
    config = json.loads((FRONTEND / "config.json").read_text(encoding="utf-8"))
    assert set(config["signIn"]) == {"citizen", "officer"}
    for script in SCRIPTS:
        assert "dev-issuer" not in script.read_text(encoding="utf-8"), f"{script.name}: sign-in address in code"
