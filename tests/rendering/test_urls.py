"""``urls.normalize`` hands plain paths back at once; the full Addressable rules must agree."""

from __future__ import annotations

import random

from jekyllpy.rendering import urls

ALPHABET = ["/", "/", "/", ".", ".", "a", "Z", "0", "-", "_", "~", ":", "@", "!", "+", ",",
            ";", "=", "%", "%41", "%2e", "?", "#", " ", "é", "ｆ", "[", "\\", "\t",
            "%20", "%2F", "%2f", "%25", "%7C", "%7E", "%3A", "%0A", "%7F", "%80", "%C3%A9",
            "%E2%84%AA", "%2E"]


def test_plain_path_shortcut_agrees_with_the_full_rules() -> None:
    rng = random.Random(20261126)
    plain = 0
    for _ in range(20_000):
        url = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.7:
            url = "/" + url
        expected = urls._normalize(url)
        assert urls.normalize(url) == expected, url
        plain += urls._PLAIN_PATH.match(url) is not None
    assert plain > 1000  # the shortcut was taken often enough to be tested


def test_dot_segments_are_not_taken_as_plain() -> None:
    for url in ["/a/./b", "/a/../b", "/a/..", "/.", "/a/b/."]:
        assert urls.normalize(url) == urls._normalize(url) != url


def test_is_absolute_agrees_with_the_uri_split() -> None:
    rng = random.Random(7)
    for _ in range(5000):
        url = "".join(rng.choice(ALPHABET + ["h", "t", "p", "s"]) for _ in range(rng.randint(0, 10)))
        assert urls.is_absolute(url) == bool(urls.split_uri(url)[0]), url
