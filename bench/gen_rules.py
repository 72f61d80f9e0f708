#!/usr/bin/env python3
"""Write a large, realistic, deterministic Prometheus rule file.

Usage: gen_rules.py RULES OUT.yml   (e.g. 100000 rules -> about 13 MB)
Mixes alerting and recording rules with labels, templated annotations,
multi-line block-scalar expressions, aggregations, functions and matchers.
"""
import random
import sys

EXPRS = [
    'sum by (job, instance) (rate(http_requests_total{{job="svc{i}",code=~"5.."}}[5m]))\n'
    '  / sum by (job, instance) (rate(http_requests_total{{job="svc{i}"}}[5m])) > 0.05',
    'histogram_quantile(0.99, sum by (le, service) (rate(request_duration_seconds_bucket{{service="s{i}"}}[10m]))) > 2',
    'avg_over_time(node_load1{{instance=~"host-{i}.*"}}[15m]) / on(instance) group_left count by (instance) (node_cpu_seconds_total{{mode="idle"}}) > 1.5',
    '(node_filesystem_avail_bytes{{mountpoint="/", fstype!="tmpfs"}} / node_filesystem_size_bytes) * 100 < 10',
    'absent(up{{job="exporter-{i}"}} == 1)',
    'increase(kube_pod_container_status_restarts_total{{namespace="ns{i}"}}[1h]) > 3',
    'time() - max by (job) (backup_last_success_timestamp_seconds{{job="b{i}"}}) > 14 * 24 * 3600',
]


def alert(i, rnd):
    expr = EXPRS[i % len(EXPRS)].format(i=i)
    sev = rnd.choice(["critical", "warning", "info"])
    return (
        f"      - alert: GeneratedAlert{i}\n"
        f"        expr: |\n" + "".join(f"          {line}\n" for line in expr.split("\n")) +
        f"        for: {rnd.choice(['1m', '5m', '10m', '1h'])}\n"
        f"        labels:\n          severity: {sev}\n          team: team{i % 17}\n"
        f"        annotations:\n"
        f"          summary: \"Instance {{{{ $labels.instance }}}} of {{{{ $labels.job }}}} is unhealthy\"\n"
        f"          description: \"Value is {{{{ $value | humanize }}}} for rule {i}.\"\n"
        f"          runbook_url: https://runbooks.example.com/alerts/GeneratedAlert{i}\n"
    )


def record(i, rnd):
    return (
        f"      - record: job:generated_requests{i}:rate5m\n"
        f"        expr: sum by (job) (rate(generated_requests_total{{shard=\"{i % 64}\"}}[5m]))\n"
        f"        labels:\n          source: gen\n"
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
