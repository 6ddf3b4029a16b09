import pytest

from .local_server import LocalServer


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running
