"""Where the time of an uncached page goes: cProfile over N renders, top functions by own time.

Run from the repository root against a loaded database (make run, or DATABASE_URL):
    PAGE_CACHE_SECONDS=0 .venv/bin/python bench/profile_page.py /stoke-on-trent/ 200
"""

import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "localoffer.settings")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402


def main(path="/stoke-on-trent/", renders=200):
    client = Client()
    assert client.get(path).status_code == 200  # warm templates and connections
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    for _ in range(renders):
        client.get(path)
    profile.disable()
    elapsed = time.perf_counter() - start
    print(f"{path}: {renders} uncached renders, {1000 * elapsed / renders:.1f} ms each "
          "(under cProfile, which slows it)")
    stats = pstats.Stats(profile).strip_dirs().sort_stats("tottime")
    stats.print_stats(15)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/stoke-on-trent/",
         int(sys.argv[2]) if len(sys.argv) > 2 else 200)
