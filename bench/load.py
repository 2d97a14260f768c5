#!/usr/bin/env python3
"""Load harness of GrpcNlp: run by bench/run.sh after a Release build (see docs/benchmarks.md).

Starts the Release server on 127.0.0.1 (a free port), measures each unary call with h2load
(HTTP/2 level: every HTTP 200 counts, grpc-status is never read) and with `grpcnlp bench`
(gRPC level: counts gRPC errors, which must be 0), the health check being the baseline; then
streams generated text through NormalizeStream/TokenizeStream (StreamNormalize, StreamTokenize)
with `grpcnlp bench`, each on a freshly started server whose peak RSS (VmHWM) is read at the end.
Writes a markdown report and the raw outputs to the output folder.
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVER_DLL = ROOT / "src/GrpcNlp.Server/bin/Release/net10.0/GrpcNlp.Server.dll"
CLI_DLL = ROOT / "clients/GrpcNlp.Cli/bin/Release/net10.0/grpcnlp.dll"

# Written for the benchmark: a tweet-size Arabic text with a mention, hashtag, URL, number and emoji.
TWEET = ("عاجل: افتتاح معرض الكتاب في عمّان يوم السبت 12 أكتوبر بمشاركة 350 دار نشر من 20 دولة 📚 "
         "التفاصيل والبرنامج الكامل على https://example.org/book-fair ‏@bookfair_jo #معرض_الكتاب")

# Fallback article when no sample folder is present: sentences written for the benchmark.
GENERATED_SENTENCES = [
    "استقبل وزير الخارجية وفدا من الأمم المتحدة في العاصمة عمّان صباح الأحد لبحث التعاون الإقليمي.",
    "وقال المتحدث باسم الوزارة إن الجانبين ناقشا خطط التعليم والصحة والطاقة المتجددة حتى عام 2030.",
    "وأضاف أن الحكومة خصصت 3.5 مليون دينار لدعم المدارس في المحافظات الجنوبية خلال العام المقبل.",
    "وأشار التقرير إلى أن نسبة البطالة بين الشباب انخفضت إلى 21% في الربع الثالث من العام الجاري.",
    "ومن المقرر أن يزور الوفد مدينتي إربد والعقبة يوم الثلاثاء قبل أن يختتم جولته في القاهرة.",
]

HEALTH = "grpc.health.v1.Health/Check"


def log(message):
    print(f"== {message}", file=sys.stderr, flush=True)


class Server:
    """The Release server on 127.0.0.1, port chosen by the OS and read from its start-up log."""

    def __init__(self, out_dir, name):
        self.log_path = out_dir / f"server-{name}.log"
        self.process = subprocess.Popen(
            ["dotnet", str(SERVER_DLL), "--urls", "http://127.0.0.1:0"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            # The output folder is the content root, as when deployed: appsettings.json (log
            # levels included; per-request logging would skew every figure) is read from there.
            cwd=SERVER_DLL.parent)
        self.address = None
        ready = threading.Event()
        log_file = open(self.log_path, "w", encoding="utf-8")

        def pump():
            for line in self.process.stdout:
                log_file.write(line)
                log_file.flush()
                match = re.search(r"Now listening on: (http://127\.0\.0\.1:\d+)", line)
                if match and self.address is None:
                    self.address = match.group(1)
                    ready.set()
            log_file.close()
            ready.set()

        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(60) or self.address is None:
            self.stop()
            raise RuntimeError(f"server did not start; see {self.log_path}")
        self.port = int(self.address.rsplit(":", 1)[1])

    def status_kib(self, field):
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def cpu_seconds(self):
        """User + system CPU time of the server so far: a figure other jobs on the machine do not inflate."""
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def jit_seconds(self):
        """The runtime's total JIT compilation time so far, from the server's Prometheus endpoint
        (the System.Runtime meter), or None when it cannot be read (curl missing, endpoint off)."""
        return self.metric("dotnet_jit_compilation_time_seconds_total")

    def allocated_bytes(self):
        """The bytes the server has allocated so far (dotnet_gc_heap_total_allocated_bytes_total), or None.
        Unlike CPU time, allocation per call does not move with the machine's load."""
        return self.metric("dotnet_gc_heap_total_allocated_bytes_total")

    def metric(self, name):
        """A counter of the server's Prometheus endpoint (the System.Runtime meter), or None when it
        cannot be read (curl missing, endpoint off)."""
        if shutil.which("curl") is None:
            return None
        result = subprocess.run(["curl", "-s", "--max-time", "5", "--http2-prior-knowledge", f"{self.address}/metrics"],
                                capture_output=True, text=True)
        match = re.search(rf"^{name}\{{[^}}]*\}} ([\d.eE+-]+)$", result.stdout, re.MULTILINE)
        return float(match.group(1)) if match else None

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def cli(*args, check=True, timeout=None):
    result = subprocess.run(["dotnet", str(CLI_DLL), *args], capture_output=True, text=True, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError(f"grpcnlp {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    index = min(len(sorted_values) - 1, max(0, int(round(p / 100.0 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[index]


def run_h2load(server, call, body, seconds, connections, streams, out_dir, name):
    log_path = out_dir / f"h2load-{name}.log"
    command = [
        "h2load", f"http://127.0.0.1:{server.port}/{call}",
        "-D", str(seconds), "--warm-up-time=1", "-t", "1", "-c", str(connections), "-m", str(streams),
        "-H", "content-type: application/grpc", "-H", "te: trailers", "-d", str(body),
        "--log-file", str(log_path),
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    (out_dir / f"h2load-{name}.txt").write_text(" ".join(command) + "\n\n" + result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"h2load failed for {name}:\n{result.stdout}\n{result.stderr}")
    rps = float(re.search(r"finished in [\d.]+\w+, ([\d.]+) req/s", result.stdout).group(1))
    requests = re.search(r"requests: (\d+) total, (\d+) started, (\d+) done, (\d+) succeeded, (\d+) failed, (\d+) errored", result.stdout)
    codes = re.search(r"status codes: (\d+) 2xx, (\d+) 3xx, (\d+) 4xx, (\d+) 5xx", result.stdout)
    latencies = []
    with open(log_path, encoding="ascii") as entries:
        for line in entries:
            parts = line.split()
            if len(parts) >= 3 and parts[1] == "200":
                latencies.append(int(parts[2]) / 1000.0)  # microseconds -> ms
    latencies.sort()
    return {
        "rps": rps,
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "succeeded": int(requests.group(4)),
        "failed": int(requests.group(5)) + int(requests.group(6)),
        "non2xx": int(codes.group(2)) + int(codes.group(3)) + int(codes.group(4)),
    }


def settle_jit(server, calls, connections, streams, max_seconds):
    """Loads every call in turn, 1 s each, until a round compiles for less than 1 % of its time.

    The runtime compiles hot methods again (tiered compilation, dynamic PGO) on a background
    thread for the first seconds or minutes of load; a call with more code (Tokenize) than the
    baseline (the health check) would otherwise be measured while its code is still being
    recompiled, and the ratio would say more about the JIT than about the call. Returns the
    rounds run, their seconds, the JIT seconds of the last round (None when unreadable) and
    whether that round was below the bound."""
    started = time.monotonic()
    rounds, last, settled = 0, None, False
    before = server.jit_seconds()
    if before is None:
        return rounds, 0.0, None, settled
    while time.monotonic() - started < max_seconds:
        round_started = time.monotonic()
        for call, body in calls:
            subprocess.run(["h2load", f"http://127.0.0.1:{server.port}/{call}", "-D", "1", "-t", "1",
                            "-c", str(connections), "-m", str(streams), "-H", "content-type: application/grpc",
                            "-H", "te: trailers", "-d", str(body)], capture_output=True, text=True)
        rounds += 1
        after = server.jit_seconds()
        last = after - before
        before = after
        log(f"JIT settling: round {rounds}, {last * 1000:.0f} ms of JIT in {time.monotonic() - round_started:.1f} s")
        settled = last < 0.01 * (time.monotonic() - round_started)
        if settled:
            break
    return rounds, time.monotonic() - started, last, settled


def run_bench(server, call, data_file, seconds, concurrency, connections, out_dir, name):
    report_path = out_dir / f"bench-{name}.json"
    # The scrape endpoint may answer from a cache for a moment: read it once the last load is over.
    time.sleep(1)
    allocated_before = server.allocated_bytes()
    cpu_before = server.cpu_seconds()
    result = cli("bench", "--server", server.address, "--call", call, "-D", str(data_file),
                 "-z", f"{seconds}s", "-c", str(concurrency), "--connections", str(connections),
                 "-O", "json", "-o", str(report_path), check=False)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"grpcnlp bench failed for {name}:\n{result.stdout}\n{result.stderr}")
    cpu = server.cpu_seconds() - cpu_before
    time.sleep(1)
    allocated_after = server.allocated_bytes()
    report = json.loads(report_path.read_text(encoding="utf-8"))
    latency = {entry["percentage"]: entry["latency"] / 1e6 for entry in report["latencyDistribution"]}
    ok = report["statusCodeDistribution"].get("OK", 0)
    return {"rps": report["rps"], "p50": latency[50], "p99": latency[99], "errors": report["count"] - ok,
            "statuses": report["statusCodeDistribution"], "cpu_us": cpu / max(1, report["count"]) * 1e6,
            "alloc_b": allocation_per_call(allocated_before, allocated_after, report["count"])}


def allocation_per_call(before, after, calls):
    """Bytes allocated per call from the server's allocation counter read around a run, or None
    when unknown. The runtime's count of allocated bytes (GC.GetTotalAllocatedBytes) was seen to
    fall during a run under the server GC (by 485 MB over one Analyze 50KB run, read precisely),
    and the exported counter then stays flat until the count passes its old value: a run over
    which it did not grow has no figure."""
    if before is None or after is None or after <= before:
        return None
    return (after - before) / max(1, calls)


def run_stream(out_dir, call, stream_bytes, chunk, name):
    """One stream on a fresh server, so VmHWM is the peak of this stream alone (plus start-up)."""
    server = Server(out_dir, name)
    try:
        cli("bench", "--server", server.address, "--call", HEALTH, "-n", "1")
        idle_rss = server.status_kib("VmRSS")
        report_path = out_dir / f"bench-{name}.json"
        cpu_before = server.cpu_seconds()
        # The load generator's own CPU (it shares the cores with the server): the CPU of waited-for
        # children, which the still-running server is not yet.
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        result = cli("bench", "--server", server.address, "--call", call, "--stream-bytes", stream_bytes,
                     "--chunk-size", chunk, "-n", "1", "-c", "1", "--timeout", "15m", "-O", "json", "-o", str(report_path),
                     check=False)
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        client_cpu = (children_after.ru_utime + children_after.ru_stime) - (children_before.ru_utime + children_before.ru_stime)
        peak_rss = server.status_kib("VmHWM")
        cpu = server.cpu_seconds() - cpu_before
        if result.returncode not in (0, 1):
            raise RuntimeError(f"grpcnlp bench failed for {name}:\n{result.stdout}\n{result.stderr}")
        report = json.loads(report_path.read_text(encoding="utf-8"))
        seconds = report["total"] / 1e9
        ok = report["statusCodeDistribution"].get("OK", 0)
        return {"sent": report["bytesSent"], "received": report["bytesReceived"], "seconds": seconds,
                "mbps": report["bytesSent"] / seconds / 1e6, "cpu_mbps": report["bytesSent"] / max(cpu, 1e-9) / 1e6, "recv_mbps": report["bytesReceived"] / seconds / 1e6,
                "idle_rss_mb": idle_rss / 1024.0, "peak_rss_mb": peak_rss / 1024.0, "errors": report["count"] - ok,
                "server_cpu_s": cpu, "client_cpu_s": client_cpu}
    finally:
        server.stop()


def settle_line(settle, settle_seconds):
    rounds, spent, last, settled = settle
    if settle_seconds <= 0:
        return "JIT settling: skipped (--settle-seconds 0)."
    if last is None:
        return "JIT settling: skipped (the server's /metrics could not be read with curl)."
    state = "settled" if settled else f"not settled within {settle_seconds} s"
    return (f"JIT settling before the measurements: {rounds} round(s) of every call for 1 s each, {spent:.0f} s, "
            f"{last * 1000:.0f} ms of JIT in the last round ({state}).")


def load_inputs(samples_dir):
    articles = []
    if samples_dir and samples_dir.is_dir():
        articles = [path.read_text(encoding="utf-8") for path in sorted(samples_dir.glob("*.txt"))]
    source = "sample" if articles else "generated"
    if not articles:
        articles = [" ".join(GENERATED_SENTENCES * 8)]
    article = articles[0]
    # 50 KB: the articles concatenated (repeated as needed), cut at a space before 50,000 UTF-8 bytes.
    big = ""
    while len(big.encode("utf-8")) < 50_000:
        for text in articles:
            big += text.strip() + "\n\n"
    encoded = big.encode("utf-8")[:50_000]
    big = encoded.decode("utf-8", errors="ignore")
    big = big[: big.rfind(" ")]
    return {"tweet": TWEET, "article": article, "50KB": big}, source


def machine_description():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="ignore") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    dotnet = subprocess.run(["dotnet", "--version"], capture_output=True, text=True).stdout.strip()
    h2load = subprocess.run(["h2load", "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    return (f"{os.cpu_count()} cores ({model}), {mem_gib:.0f} GiB RAM, {platform.system()} {platform.release()}, "
            f".NET SDK {dotnet}, {h2load[0] if h2load else 'h2load'}; server and load generators share the cores")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="CI mode: 2 s per load, 64 MiB streams")
    parser.add_argument("--seconds", type=int, help="duration of each unary load (default 6, quick 2)")
    parser.add_argument("--stream-bytes", help="bytes per stream (default 1GiB, quick 64MiB)")
    parser.add_argument("--chunk-size", default="64KiB", help="stream chunk size (default 64KiB)")
    parser.add_argument("--connections", type=int, default=2, help="HTTP/2 connections (default 2)")
    parser.add_argument("--streams", type=int, default=8, help="concurrent calls per connection (default 8)")
    parser.add_argument("--settle-seconds", type=int,
                        help="at most this long loading every unary call until the JIT settles (default 90, quick 30; 0: skip)")
    parser.add_argument("--streams-only", action="store_true",
                        help="run only the two streams (NormalizeStream, TokenizeStream), no unary loads")
    parser.add_argument("--only", action="append", metavar="RPC:INPUT",
                        help="load only these unary calls (e.g. Tokenize:tweet; repeatable) besides the baseline, and no streams: "
                             "for paired before/after runs of one call")
    parser.add_argument("--samples", type=Path, default=ROOT.parent / "shared/samples/ar",
                        help="folder of Arabic *.txt articles, read at run time (default ../shared/samples/ar)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench/out", help="output folder (default bench/out)")
    args = parser.parse_args()

    seconds = args.seconds or (2 if args.quick else 6)
    settle_seconds = args.settle_seconds if args.settle_seconds is not None else (30 if args.quick else 90)
    stream_bytes = args.stream_bytes or ("64MiB" if args.quick else "1GiB")
    out_dir = args.out
    out_dir.mkdir(parents=True, exist_ok=True)
    if shutil.which("h2load") is None:
        sys.exit("h2load not found: bench/run.sh installs it (Debian nghttp2-client)")

    started = time.monotonic()
    inputs, source = load_inputs(args.samples)
    cases = [("Health/Check (baseline)", HEALTH, "-", {"service": ""})]
    for rpc, call in [("Normalize", "grpcnlp.v1.NormalizationService/Normalize"),
                      ("Tokenize", "grpcnlp.v1.TokenizationService/Tokenize"),
                      ("ExtractEntities", "grpcnlp.v1.EntityService/ExtractEntities"),
                      ("Analyze", "grpcnlp.v1.AnalysisService/Analyze")]:
        for input_name in ("tweet", "article", "50KB"):
            cases.append((rpc, call, input_name, {"document": {"text": inputs[input_name], "language": "ar"}}))
    if args.quick:
        # CI: the baseline, the tweet target and two article calls, to stay around two minutes.
        cases = [case for case in cases if case[1] == HEALTH or (case[0], case[2]) in {("Tokenize", "tweet"), ("ExtractEntities", "article"), ("Analyze", "article")}]

    if args.only:
        wanted = {tuple(item.split(":", 1)) for item in args.only}
        unknown = wanted - {(case[0], case[2]) for case in cases}
        if unknown:
            sys.exit(f"--only: unknown calls {sorted(unknown)}")
        cases = [case for case in cases if case[1] == HEALTH or (case[0], case[2]) in wanted]

    if args.streams_only:
        cases = []

    concurrency = args.connections * args.streams
    settle = (0, 0.0, None, False)
    rows = []
    unary_rss = 0.0
    log(f"unary loads: {seconds} s each, {args.connections} connections x {args.streams} streams; inputs from {source} text")
    server = Server(out_dir, "unary") if cases else None
    try:
        prepared = []
        for index, (rpc, call, input_name, message) in enumerate(cases):
            name = f"{index:02d}-{call.rsplit('/', 1)[1]}-{input_name}"
            data_file = out_dir / f"{name}.json"
            data_file.write_text(json.dumps(message, ensure_ascii=False), encoding="utf-8")
            body = out_dir / f"{name}.bin"
            cli("bench", "--call", call, "-D", str(data_file), "--dump-request", str(body))
            # Warm every code path (JIT, tiering) before any measurement, the baseline's included.
            cli("bench", "--server", server.address, "--call", call, "-D", str(data_file), "-z", "1s", "-c", str(concurrency))
            prepared.append((name, data_file, body))
        if prepared and settle_seconds > 0:
            settle = settle_jit(server, [(case[1], body) for case, (_, _, body) in zip(cases, prepared)],
                                args.connections, args.streams, settle_seconds)
        for (rpc, call, input_name, message), (name, data_file, body) in zip(cases, prepared):
            jit_before = server.jit_seconds()
            log(f"{rpc} {input_name}: h2load")
            h2 = run_h2load(server, call, body, seconds, args.connections, args.streams, out_dir, name)
            jit_after = server.jit_seconds()
            h2["jit_ms"] = (jit_after - jit_before) * 1000 if jit_before is not None and jit_after is not None else None
            log(f"{rpc} {input_name}: grpcnlp bench")
            gb = run_bench(server, call, data_file, seconds, concurrency, args.connections, out_dir, name)
            size = len(message["document"]["text"].encode("utf-8")) if "document" in message else 0
            rows.append((rpc, input_name, size, h2, gb))
        if server is not None:
            unary_rss = server.status_kib("VmHWM") / 1024.0
    finally:
        if server is not None:
            server.stop()

    streams = []
    for rpc, call in [] if args.only else [("NormalizeStream", "grpcnlp.v1.NormalizationService/StreamNormalize"),
                                           ("TokenizeStream", "grpcnlp.v1.TokenizationService/StreamTokenize")]:
        log(f"{rpc}: {stream_bytes} in {args.chunk_size} chunks")
        streams.append((rpc, run_stream(out_dir, call, stream_bytes, args.chunk_size, rpc)))

    elapsed = time.monotonic() - started
    lines = [
        f"# GrpcNlp load run, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        "",
        f"Machine: {machine_description()}.",
        f"Mode: {'quick' if args.quick else 'full'}{', streams only' if args.streams_only else ''}{', only ' + ', '.join(args.only) if args.only else ''}; "
        f"unary loads {seconds} s each (h2load: 1 s warm-up, then {seconds} s), "
        f"{args.connections} connections x {args.streams} concurrent calls; streams {stream_bytes} in {args.chunk_size} chunks, "
        f"one call. Inputs: tweet ({len(TWEET.encode('utf-8'))} B), article ({source}, {len(inputs['article'].encode('utf-8'))} B), "
        f"50KB ({len(inputs['50KB'].encode('utf-8'))} B). Harness time: {elapsed:.0f} s.",
    ]
    failures = []
    if rows:
        baseline_h2 = rows[0][3]["rps"]
        baseline_gb = rows[0][4]["rps"]
        lines += [
            "",
            "## Unary calls",
            "",
            "req/s, p50 and p99 latency in ms; ratio = req/s / the health check's req/s measured by the same tool in the same run; "
            "server CPU = the server's user+system CPU time during the bench run / its calls (not inflated by other jobs on the machine); "
            "alloc = the bytes the server allocated during the bench run / its calls (exact, whatever else runs; n/a when the "
            "runtime's allocation count did not grow over the run: under the server GC it can fall); "
            "JIT = the server's JIT compilation time during the h2load run (tiered recompilation still going on when above a few ms).",
            "",
            settle_line(settle, settle_seconds),
            "",
            "| RPC | input | h2load req/s | p50 | p99 | ratio | bench req/s | p50 | p99 | ratio | gRPC errors | server CPU/call (µs) "
            "| alloc/call (B) | JIT (ms) |",
            "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for rpc, input_name, size, h2, gb in rows:
            jit = "n/a" if h2["jit_ms"] is None else f"{h2['jit_ms']:,.0f}"
            alloc = "n/a" if gb["alloc_b"] is None else f"{gb['alloc_b']:,.0f}"
            lines.append(
                f"| {rpc} | {input_name} | {h2['rps']:,.0f} | {h2['p50']:.2f} | {h2['p99']:.2f} | {h2['rps'] / baseline_h2:.2f} "
                f"| {gb['rps']:,.0f} | {gb['p50']:.2f} | {gb['p99']:.2f} | {gb['rps'] / baseline_gb:.2f} | {gb['errors']} | {gb['cpu_us']:,.0f} "
                f"| {alloc} | {jit} |")
            if gb["errors"] or h2["failed"] or h2["non2xx"] or h2["succeeded"] == 0:
                failures.append(f"{rpc} {input_name}: gRPC errors {gb['statuses']}, h2load failed {h2['failed']}, non-2xx {h2['non2xx']}")
        lines += ["", f"Server peak RSS over the unary loads: {unary_rss:.0f} MB."]
    lines += [
        "",
        "## Streams",
        "",
        "MB/s = protobuf payload bytes sent / call duration (10^6 B/s); each stream on a freshly started server, "
        "peak RSS = its VmHWM at the end of the stream; MB per server CPU second = bytes sent / the server's CPU time "
        "(the rate one free core would sustain, whatever else runs); server and client CPU = the CPU seconds of "
        "the server and of `grpcnlp bench` over the stream (they share the cores).",
        "",
        "| RPC | sent | time (s) | MB/s in | MB/s out | MB per server CPU s | idle RSS (MB) | peak RSS (MB) | gRPC errors "
        "| server CPU (s) | client CPU (s) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rpc, s in streams:
        lines.append(f"| {rpc} | {s['sent'] / 2**20:,.0f} MiB | {s['seconds']:.1f} | {s['mbps']:.1f} | {s['recv_mbps']:.1f} "
                     f"| {s['cpu_mbps']:.1f} | {s['idle_rss_mb']:.0f} | {s['peak_rss_mb']:.0f} | {s['errors']} "
                     f"| {s['server_cpu_s']:.1f} | {s['client_cpu_s']:.1f} |")
        if s["errors"]:
            failures.append(f"{rpc}: {s['errors']} gRPC errors")

    lines += ["", "## Targets", ""]
    tokenize_tweet = next((row for row in rows if row[0] == "Tokenize" and row[1] == "tweet"), None)
    if tokenize_tweet is not None:
        tweet_ratio = tokenize_tweet[3]["rps"] / baseline_h2
        lines.append(f"- Tokenize on a tweet >= 80 % of baseline req/s (h2load): {tweet_ratio:.0%} — {'met' if tweet_ratio >= 0.8 else 'not met'}")
    for rpc, s in streams:
        met = s["mbps"] >= 100 and s["peak_rss_mb"] < 200
        lines.append(f"- {rpc} >= 100 MB/s with peak RSS < 200 MB: {s['mbps']:.0f} MB/s, {s['peak_rss_mb']:.0f} MB — {'met' if met else 'not met'}")
    if failures:
        lines += ["", "## Failures", ""] + [f"- {failure}" for failure in failures]

    report = "\n".join(lines) + "\n"
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    (out_dir / f"load-{stamp}.md").write_text(report, encoding="utf-8")
    (out_dir / "latest.md").write_text(report, encoding="utf-8")
    print(report)
    log(f"report: {out_dir / 'latest.md'}; raw outputs in {out_dir}")
    # Figures vary with the machine; only errors fail the run.
    return 1 if failures else 0


if __name__ == "__main__":
    # A terminated harness still runs its finally blocks, which stop the server.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
