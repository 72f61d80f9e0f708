#!/usr/bin/env python3
"""Write a large, realistic, deterministic Prometheus rule file.

Usage: gen_rules.py RULES OUT.yml   (e.g. 100000 rules -> about 13 MB)
Mixes alerting and recording rules with labels, templated annotations,
multi-line block-scalar expressions, aggregations, functions and matchers.
"""
import random
import sys

EXPRS = [
    'sum by (job) (rate(http_requests_total{{job="svc{i}",code=~"5.."}}[5m])) > 0.05',
    'histogram_quantile(0.99, rate(request_duration_seconds_bucket{{service="s{i}"}}[10m])) > 2',
    'node_filesystem_avail_bytes{{mountpoint="/"}} / node_filesystem_size_bytes * 100 < 10',
    'absent(up{{job="exporter-{i}"}} == 1)',
    'increase(kube_pod_restarts_total{{namespace="ns{i}"}}[1h]) > 3',
    'time() - backup_last_success_timestamp_seconds{{job="b{i}"}} > 14 * 86400',
]


def alert(i, rnd):
    expr = EXPRS[i % len(EXPRS)].format(i=i)
    # Every tenth expression as a block scalar, as real files have.
    expr_yaml = "|\n          " + expr if i % 10 == 0 else expr
    return (
        f"      - alert: GeneratedAlert{i}\n"
        f"        expr: {expr_yaml}\n"
        f"        for: {rnd.choice(['1m', '5m', '10m', '1h'])}\n"
        f"        labels: {{severity: {rnd.choice(['critical', 'warning', 'info'])}}}\n"
        f"        annotations: {{summary: \"{{{{ $labels.job }}}} is failing\"}}\n"
    )


def record(i, rnd):
    return (
        f"      - record: job:generated_requests{i}:rate5m\n"
        f"        expr: sum by (job) (rate(generated_requests_total{{shard=\"{i % 64}\"}}[5m]))\n"
    )


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(42)
    with open(out, "w", encoding="utf-8") as f:
        f.write("groups:\n")
        for i in range(count):
            if i % 50 == 0:
                f.write(f"  - name: generated-{i // 50}\n    interval: 1m\n    rules:\n")
            f.write(alert(i, rnd) if i % 2 == 0 else record(i, rnd))


if __name__ == "__main__":
    main()
