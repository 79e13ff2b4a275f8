"""`make bench`: the Registries list and the resolver at 100, 10,000 and 100,000 entries,
side by side with Django's admin changelist of the same rows, in one run.

Fills a throwaway SQLite database (or BENCH_DATABASE_URL), measures median times with
Django's test client (view, ORM, template: no network), counts SQL queries and Fernet
decryptions per list request, runs wrk against gunicorn for the list page, writes
docs/benchmarks.md and prints the ratios. Exit status 1 if a target is missed.
"""

import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="uip-bench-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="uip_admin.settings",
    UIP_VAR_DIR=str(WORK),
    DATABASE_URL=os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{WORK / 'bench.sqlite3'}",
)
os.environ.pop("DJANGO_DEBUG", None)

import django

django.setup()

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from registries.fields import EncryptedPasswordField
from registries.images import parse_image, resolve
from registries.models import Registry

SIZES = [100, 10_000, 100_000]
REPEAT, WARMUP = 15, 5
LIST, ADMIN, ABOUT = (
    "/administration/registries/",
    "/admin/registries/registry/",
    "/administration/about/",
)
SEARCH = LIST + "?q=team4242"
IMAGE = parse_image("registry42.example.com/team4242/app:1.0")


def fill(target: int) -> None:
    """Top the table up to ``target`` entries with distinct Server + Organization pairs."""
    start = Registry.objects.count()
    batch = []
    for i in range(start, target):
        batch.append(
            Registry(
                server=f"registry{i % 100}.example.com",
                organization=f"team{i}",
                username=f"robot{i}",
                password=f"password-{i}",
            )
        )
        if len(batch) == 5000:
            Registry.objects.bulk_create(batch)
            batch = []
    Registry.objects.bulk_create(batch)


def median_ms(action, repeat: int = REPEAT) -> float:
    for _ in range(WARMUP):
        action()
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def get(client: Client, url: str):
    def action():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)

    return action


class DecryptionCounter:
    def __init__(self):
        self.count = 0
        self.original = EncryptedPasswordField.from_db_value

    def __enter__(self):
        counter = self

        def counting(field, value, *args):
            counter.count += 1
            return counter.original(field, value, *args)

        EncryptedPasswordField.from_db_value = counting
        return self

    def __exit__(self, *exc):
        EncryptedPasswordField.from_db_value = self.original


def measure(client: Client, size: int) -> dict:
    row = {"size": size}
    row["list"] = median_ms(get(client, LIST))
    row["admin"] = median_ms(get(client, ADMIN))
    row["about"] = median_ms(get(client, ABOUT))
    row["search"] = median_ms(get(client, SEARCH))
    # resolve() takes well under a millisecond: many more samples for a stable median.
    row["resolve"] = median_ms(lambda: resolve(IMAGE), repeat=REPEAT * 20)
    with CaptureQueriesContext(connection) as queries, DecryptionCounter() as decryptions:
        client.get(LIST)
    row["list_queries"] = len(queries)
    row["list_decryptions"] = decryptions.count
    with CaptureQueriesContext(connection) as queries:
        resolve(IMAGE)
    row["resolve_queries"] = len(queries)
    return row


def load_run(client: Client) -> str:
    """wrk against gunicorn (as `make run` serves it) for the list page."""
    wrk = shutil.which("wrk")
    if not wrk:
        return "Load run skipped: wrk is not installed (`apt-get install wrk`)."
    env = {**os.environ}
    python = sys.executable
    port = 18765
    server = subprocess.Popen(
        [
            str(Path(python).parent / "gunicorn"),
            "uip_admin.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(3)
        cookie = f"sessionid={client.cookies['sessionid'].value}"
        result = subprocess.run(
            [
                wrk,
                "-t2",
                "-c8",
                "-d10s",
                "--latency",
                "-H",
                f"Cookie: {cookie}",
                f"http://127.0.0.1:{port}{LIST}",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    finally:
        server.terminate()
        server.wait(timeout=10)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", result).group(1)
    p99 = re.search(r"99%\s+([\d.]+\w+)", result).group(1)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", result)
    errors = re.search(r"Socket errors: (.*)", result)
    return (
        f"wrk, 2 threads, 8 connections, 10 s, gunicorn with 2 workers, list page at "
        f"{Registry.objects.count():,} entries: **{float(rps):.0f} requests/s**, p99 **{p99}**, "
        f"non-2xx responses: {non_2xx.group(1) if non_2xx else 0}, "
        f"socket errors: {errors.group(1) if errors else 'none'}."
    )


def main() -> int:
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # as `make run` does
    user = get_user_model().objects.create_superuser("bench", password=None)
    client = Client()
    client.force_login(user)
    rows, load = [], ""
    for size in SIZES:
        fill(size)
        with override_settings(ALLOWED_HOSTS=["testserver"]):
            rows.append(measure(client, size))
        print(
            f"{size:>7,} entries: list {rows[-1]['list']:.1f} ms, admin {rows[-1]['admin']:.1f} ms"
        )
        if size == 10_000:
            load = load_run(client)

    by_size = {row["size"]: row for row in rows}
    at10k = by_size[10_000]
    targets = [
        (
            "list at most half the admin changelist's time at 10,000 entries",
            at10k["list"] / at10k["admin"],
            at10k["list"] / at10k["admin"] <= 0.5,
            "ratio {:.2f}",
        ),
        (
            "queries per list request the same at 100 and 100,000 (at most 6)",
            by_size[100_000]["list_queries"],
            by_size[100]["list_queries"] == by_size[100_000]["list_queries"] <= 6,
            f"{by_size[100]['list_queries']} and {{}}",
        ),
        (
            "zero decryptions to list entries",
            max(row["list_decryptions"] for row in rows),
            all(row["list_decryptions"] == 0 for row in rows),
            "{}",
        ),
        (
            "search within 3x of the plain list at 10,000 entries",
            at10k["search"] / at10k["list"],
            at10k["search"] / at10k["list"] <= 3,
            "ratio {:.2f}",
        ),
        (
            "resolve() one query, and flat from 100 to 100,000 entries",
            by_size[100_000]["resolve"] / by_size[100]["resolve"],
            all(row["resolve_queries"] == 1 for row in rows)
            and by_size[100_000]["resolve"] / by_size[100]["resolve"] <= 1.5,
            "1 query; time ratio 100,000 / 100 = {:.2f}",
        ),
    ]
    report = render(rows, targets, load)
    (ROOT / "docs").mkdir(exist_ok=True)
    (ROOT / "docs" / "benchmarks.md").write_text(report)
    print()
    for name, value, ok, fmt in targets:
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {fmt.format(value)}")
    print(load)
    print("Wrote docs/benchmarks.md")
    shutil.rmtree(WORK, ignore_errors=True)
    return 0 if all(ok for *_, ok, _ in targets) else 1


def render(rows, targets, load) -> str:
    lines = [
        "# Benchmarks",
        "",
        "Made by `make bench` (`bench/run.py`) on "
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"Django {django.get_version()}, {connection.display_name}, "
        f"{os.cpu_count()} cores. Median of {REPEAT} requests after {WARMUP} warm-up ones, "
        "through Django's test client as a signed-in superuser (view, ORM and template; no "
        "network). All rows come from one run.",
        "",
        "| entries | our list (ms) | admin changelist (ms) | list / admin | About (ms) "
        "| search (ms) | search / list | resolve() (ms) | list queries | list decryptions "
        "| resolve queries |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['size']:,} | {r['list']:.1f} | {r['admin']:.1f} | {r['list'] / r['admin']:.2f} "
            f"| {r['about']:.1f} | {r['search']:.1f} | {r['search'] / r['list']:.2f} "
            f"| {r['resolve']:.2f} | {r['list_queries']} | {r['list_decryptions']} "
            f"| {r['resolve_queries']} |"
        )
    lines += ["", "## Targets", ""]
    for name, value, ok, fmt in targets:
        lines.append(f"- {'✅' if ok else '❌'} {name}: {fmt.format(value)}")
    lines += ["", "## Load", "", load, ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
