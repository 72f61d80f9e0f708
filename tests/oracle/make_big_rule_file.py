#!/usr/bin/env python3
"""Writes a rule file of 100,000 small rules (about 11 MB) to stdout, for
tests/oracle/rules_load_bench.cpp."""
out = ["groups:"]
for g in range(1000):
    out.append(f"- name: group_{g}\n  rules:")
    for r in range(100):
        if r % 2:
            out.append(f"  - alert: HighErrors{g}_{r}\n    expr: rate(errors_total{{job=\"a{r}\"}}[5m]) > 0.05\n"
                       f"    for: 10m\n    labels: {{severity: page}}")
        else:
            out.append(f"  - record: job:requests:rate5m_{g}_{r}\n"
                       f"    expr: sum by (job) (rate(requests_total{{job=\"a{r}\"}}[5m]))")
print("\n".join(out))
