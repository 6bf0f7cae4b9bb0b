"""Instructions per request for the finding views, counted by valgrind's callgrind: unlike
seconds, the count does not move with whatever else the machine is doing, so two trees (say,
before and after a refactoring) can be compared on a busy two-core machine.

    .venv/bin/python scripts/benchmark_instructions.py --tree /tmp/before --database sqlite:////tmp/a.sqlite3 \\
        --tree . --database sqlite:////tmp/b.sqlite3

Give each tree a database with the same content (copy one benchmark file: the benchmark_search
command fills it). Each tree's own code serves its requests through the full Django stack, with
the response cache off; only the requests are counted, not start-up (they run inside a libc
`qsort` comparator, and callgrind collects inside `qsort_r` alone, one dump per view). Prints
millions of instructions per request and, for two trees, the ratio. Needs Debian's valgrind.
"""

import argparse
import ctypes
import glob
import os
import subprocess
import sys
import tempfile

VIEWS = [
    "unfiltered list",
    "three filters",
    "q alone",
    "q with two filters",
    "feature page",
    "matrix",
    "suggestions",
    "home page",
    "a case study",
]


def serve_and_count(requests):
    """Run inside a tree under callgrind: warm each view, then make `requests` requests of each
    inside qsort_r's comparator."""
    sys.path.insert(0, os.getcwd())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "evidencebank.settings.dev")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    from casestudies.models import CaseStudyIndexPage, CaseStudyPage

    settings.RESPONSE_CACHE_ENABLED = False
    index = CaseStudyIndexPage.objects.first()
    base = index.url
    words = "modern languages"
    latest = CaseStudyPage.objects.child_of(index).live().order_by("-first_published_at").first()
    addresses = {
        "unfiltered list": (base, {}),
        "three filters": (base, {"phase": "secondary", "region": "london", "lever": "local-convening"}),
        "q alone": (base, {"q": words}),
        "q with two filters": (base, {"q": words, "phase": "secondary", "feature": "play-to-strengths"}),
        "feature page": (base + "features/play-to-strengths/", {}),
        "matrix": (base + "matrix/", {}),
        "suggestions": (base + "suggest/", {"q": "univ"}),
        "home page": ("/", {}),
        "a case study": (latest.url, {}),
    }
    client = Client(HTTP_HOST=index.get_site().hostname)
    libc = ctypes.CDLL("libc.so.6")
    comparator = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
    for name in VIEWS:
        url, params = addresses[name]
        for _ in range(2):
            if client.get(url, params).status_code != 200:
                raise SystemExit(f"{name}: {url} did not answer 200")

        def requests_inside(a, b, url=url, params=params):
            for _ in range(requests):
                client.get(url, params)
            return 0

        pair = (ctypes.c_int * 2)(1, 2)
        callback = comparator(requests_inside)
        libc.qsort(pair, 2, ctypes.sizeof(ctypes.c_int), callback)  # glibc's qsort runs qsort_r


def count_tree(tree, database, requests):
    """Millions of instructions per request for each view, served by `tree`'s code."""
    python = os.path.realpath(os.path.join(tree, ".venv", "bin", "python"))
    site_packages = glob.glob(os.path.join(tree, ".venv", "lib", "python3*", "site-packages"))
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        env = dict(os.environ, DATABASE_URL=database, PYTHONPATH=os.pathsep.join([tree, *site_packages]))
        command = [
            "valgrind",
            "--tool=callgrind",
            "--collect-atstart=no",
            "--toggle-collect=qsort_r",
            "--dump-after=qsort_r",
            f"--callgrind-out-file={out}",
            python,
            os.path.abspath(__file__),
            "--serve",
            str(requests),
        ]
        subprocess.run(command, cwd=tree, env=env, check=True, capture_output=True)
        dumps = sorted(glob.glob(out + ".*"), key=lambda name: int(name.rsplit(".", 1)[1]))
        totals = []
        for dump in dumps:
            with open(dump) as lines:
                totals += [int(line.split()[1]) for line in lines if line.startswith("totals:")]
    # The last dump is the program's end; the views' come before it, in order (Python's start-up
    # calls qsort_r too, so earlier dumps are not ours).
    return [total / requests / 1e6 for total in totals[-len(VIEWS) - 1 : -1]]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", action="append", default=[], help="a project checkout with its .venv")
    parser.add_argument("--database", action="append", default=[], help="DATABASE_URL for the tree before it")
    parser.add_argument("--requests", type=int, default=3, help="counted requests per view")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve_and_count(args.serve)
        return
    if not args.tree or len(args.tree) != len(args.database):
        parser.error("give one --database after each --tree")
    counts = [count_tree(os.path.abspath(tree), db, args.requests) for tree, db in zip(args.tree, args.database)]
    header = "".join(f"{os.path.basename(tree.rstrip('/')) or tree:>14}" for tree in args.tree)
    print(f"{'view':<20}{header}{'   ratio' if len(counts) == 2 else ''}   (million instructions per request)")
    for i, view in enumerate(VIEWS):
        line = f"{view:<20}" + "".join(f"{tree_counts[i]:>14.1f}" for tree_counts in counts)
        if len(counts) == 2:
            line += f"{counts[1][i] / counts[0][i]:>8.2f}"
        print(line)


if __name__ == "__main__":
    main()
