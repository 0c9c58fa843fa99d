"""Browser tests (headless Chromium against the built example site)."""
