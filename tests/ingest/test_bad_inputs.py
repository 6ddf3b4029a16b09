"""A folder of good and bad inputs read and cleaned: one outcome per input, reasons named."""

from __future__ import annotations

import json

from attache.clean import clean_document
from attache.errors import InputError
from attache.ingest.readers import iter_raw

RUSSIAN = (
    "Переговоры министров иностранных дел Узбекистана и Казахстана\n\n"
    "Министры иностранных дел Узбекистана и Казахстана провели переговоры в Ташкенте. "
    "Стороны обсудили торговлю, энергетику и транспорт.\n"
)


def outcomes(inputs, **options):
    """(origin, reason or None, article or None) for every item, the way a batch sees them."""
    results = []
    for item in iter_raw([str(i) for i in inputs], **options):
        if isinstance(item, InputError):
            results.append((item.origin, item.reason, None))
            continue
        try:
            results.append((item.origin, None, clean_document(item)))
        except InputError as error:
            results.append((error.origin, error.reason, None))
    return results


def test_every_input_ends_as_an_article_or_one_named_error(tmp_path):
    (tmp_path / "cp1251.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "utf16.txt").write_bytes(RUSSIAN.encode("utf-16"))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (tmp_path / "furniture.txt").write_text("Share | Print\nhttps://example.org/a.jpeg\n")
    (tmp_path / "broken.html").write_text("<html><body><div><script>while(1){}</script>")
    (tmp_path / "page.html").write_bytes(
        b'<html><head><meta charset="windows-1251"><title>T</title></head><body><article><p>'
        + RUSSIAN.encode("cp1251")
        + b"</p></article></body></html>"
    )
    (tmp_path / "lines.jsonl").write_text(json.dumps({"id": "j1", "text": RUSSIAN}) + "\n{oops\n")
    (tmp_path / "zz_link.txt").symlink_to(tmp_path / "gone.txt")
    results = {
        origin.removeprefix(str(tmp_path) + "/"): (reason, article)
        for origin, reason, article in outcomes([tmp_path])
    }
    reasons = {name: reason for name, (reason, _) in results.items() if reason}
    assert reasons == {
        "empty.txt": "empty document",
        "image.png": "binary file, not text",
        "furniture.txt": "no article text (only boilerplate)",
        "broken.html": "no article text found in HTML",
        "lines.jsonl:2": reasons.get("lines.jsonl:2"),
        "zz_link.txt": "broken symbolic link (its target does not exist)",
    }
    assert reasons["lines.jsonl:2"].startswith("invalid JSON")
    for name in ("cp1251.txt", "utf16.txt", "lines.jsonl:1"):
        article = results[name][1]
        assert article.title == "Переговоры министров иностранных дел Узбекистана и Казахстана"
        assert article.body_text().startswith("Министры иностранных дел Узбекистана")
    assert "Ташкенте" in results["page.html"][1].text
