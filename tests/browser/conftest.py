"""Headless Chromium from Debian (/usr/bin/chromium) driven by Playwright; never a browser download."""
from __future__ import annotations

import os
from typing import Any, Iterator

import pytest

CHROMIUM = '/usr/bin/chromium'
FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic']


@pytest.fixture(scope='session')
def browser() -> Iterator[Any]:
    os.environ.setdefault('DJANGO_ALLOW_ASYNC_UNSAFE', 'true')  # Playwright's loop runs beside Django's ORM
    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(locale='zh-CN', viewport={'width': 390, 'height': 844})  # a phone
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
