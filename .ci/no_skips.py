"""pytest plugin for CI (`-p no_skips`): a skipped test fails the run.

A tier skipped in CI cannot fail: a test that skips because chromium, a server or a file it
needs is missing would leave the run green. Here each skip is reported as a failure that
gives its reason. Expected failures (xfail) are left alone.
"""

from __future__ import annotations

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where every test must run: {reason}"
