"""Every page type is valid HTML by the Nu HTML Checker (vnu-jar, on the machine's Java).

No browser: the Django test client renders the pages and one checker run reads them all.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.browser.pages import PAGES, make_site

VNU_JAR = Path(settings.BASE_DIR) / "tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
INSTALL = "npm ci --prefix tools/vnu"


def run_vnu(directory):
    """Check every .html file in directory; return {file name: [error messages]}."""
    if shutil.which("java") is None:
        pytest.skip("Java not found: run `apt-get install openjdk-17-jre-headless`")
    if not VNU_JAR.exists():
        pytest.skip(f"the Nu HTML Checker is not installed: run `{INSTALL}`")
    files = sorted(str(path) for path in Path(directory).glob("*.html"))
    result = subprocess.run(  # noqa: S603 (fixed command, our own files)
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],  # noqa: S607
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = {Path(name).name: [] for name in files}
    for message in json.loads(result.stderr or "{}").get("messages", []):
        name = Path(message.get("url", "unknown")).name
        where = f"line {message.get('lastLine', '?')}"
        errors.setdefault(name, []).append(f"{where}: {message['message']}")
    return errors


BROKEN = (
    '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>'
    "<body><p><div>A block inside a paragraph</p></div></body></html>"
)


@pytest.mark.django_db
def test_every_page_type_is_valid_html(client, tmp_path):
    make_site()
    for param in PAGES:
        page_type = param.values[0]
        response = client.get(page_type.path)
        assert response.status_code == page_type.status, page_type.path
        (tmp_path / f"{param.id}.html").write_bytes(response.content)
    # One deliberately broken page in the same run (one Java start) proves the check can fail.
    (tmp_path / "deliberately-broken.html").write_text(BROKEN)
    errors = run_vnu(tmp_path)
    assert errors.pop("deliberately-broken.html"), "the checker passed a broken page"
    assert set(errors) == {f"{param.id}.html" for param in PAGES}
    invalid = {name: found for name, found in errors.items() if found}
    assert invalid == {}, "\n".join(
        f"{name}:\n  " + "\n  ".join(found) for name, found in invalid.items()
    )
