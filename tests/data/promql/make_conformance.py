#!/usr/bin/env python3
"""Records Prometheus 2.42's answers for cases.txt into conformance.tsv.

Needs /usr/bin/promtool and /usr/bin/prometheus (Debian 12 packages 2.42).
Each accepted expression is loaded into a throw-away local server bound to
127.0.0.1 to read back its String() from /api/v1/rules.

Output columns (placeholders as in cases.txt): expression, verdict ("OK" or
promtool's "L:C: parse error: ..."), String() for accepted ones.
Cases that are not valid UTF-8 cannot be put into a YAML rule file; they
are skipped here and tested directly in promql_hostile_test.cpp.
"""
import json, os, re, shutil, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


PLACEHOLDER = re.compile(r'\{\{(LF|CR|TAB|x[0-9a-f]{2})\}\}')
NAMED = {'LF': 0x0a, 'CR': 0x0d, 'TAB': 0x09}


def unescape(line):
    out, pos = bytearray(), 0
    for m in PLACEHOLDER.finditer(line):
        out += line[pos:m.start()].encode('utf-8')
        name = m.group(1)
        out.append(NAMED[name] if name in NAMED else int(name[1:], 16))
        pos = m.end()
    out += line[pos:].encode('utf-8')
    return bytes(out)


def escape(s):
    out = ''
    for ch in s:
        o = ord(ch)
        if ch == '\n': out += '{{LF}}'
        elif ch == '\r': out += '{{CR}}'
        elif ch == '\t': out += '{{TAB}}'
        elif o < 0x20 or o == 0x7f: out += '{{x%02x}}' % o
        elif 0xdc80 <= o <= 0xdcff: out += '{{x%02x}}' % (o - 0xdc00)  # raw byte
        else: out += ch
    return out


def yaml_quote(s):
    out = '"'
    for ch in s:
        o = ord(ch)
        if ch == '\\': out += '\\\\'
        elif ch == '"': out += '\\"'
        elif o < 0x20 or o == 0x7f or 0x80 <= o < 0xa0:
            out += '\\x%02x' % o
        elif o in (0x2028, 0x2029, 0xfeff) or 0xd800 <= o < 0xe000:
            out += '\\u%04x' % o
        else: out += ch
    return out + '"'


def write_rules(path, exprs):
    with open(path, 'w', encoding='utf-8') as f:
        f.write('groups:\n- name: g\n  interval: 1h\n  rules:\n')
        for i, e in enumerate(exprs):
            f.write('  - record: r%d\n    expr: %s\n' % (i, yaml_quote(e)))


def promtool_verdicts(tmp, exprs):
    path = os.path.join(tmp, 'all.yml')
    write_rules(path, exprs)
    p = subprocess.run(['promtool', 'check', 'rules', path], capture_output=True, text=True,
                       errors='surrogateescape')
    verdicts = ['OK'] * len(exprs)
    for line in (p.stdout + p.stderr).splitlines():
        m = re.match(r'.*?group "g", rule (\d+), "r\d+": (.*)$', line)
        if m:
            msg = m.group(2)
            verdicts[int(m.group(1)) - 1] = msg.replace('could not parse expression: ', '', 1)
    return verdicts


def server_strings(tmp, exprs):
    write_rules(os.path.join(tmp, 'ok.yml'), exprs)
    with open(os.path.join(tmp, 'prom.yml'), 'w') as f:
        f.write('global:\n  evaluation_interval: 1h\nrule_files:\n- ok.yml\n')
    proc = subprocess.Popen(['prometheus', '--config.file=' + os.path.join(tmp, 'prom.yml'),
                             '--storage.tsdb.path=' + os.path.join(tmp, 'data'),
                             '--web.listen-address=127.0.0.1:19093'],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            time.sleep(0.2)
            try:
                data = json.load(urllib.request.urlopen('http://127.0.0.1:19093/api/v1/rules'))
                if data['data']['groups']:
                    rules = data['data']['groups'][0]['rules']
                    return {int(r['name'][1:]): r['query'] for r in rules}
            except Exception:
                pass
        sys.exit('prometheus did not come up')
    finally:
        proc.terminate()
        proc.wait()


def main():
    cases = []
    for line in open(os.path.join(HERE, 'cases.txt'), encoding='utf-8'):
        line = line.rstrip('\n')
        if not line or line.startswith('##'):
            continue
        raw = unescape(line)
        try:
            cases.append(raw.decode('utf-8'))
        except UnicodeDecodeError:
            continue
    tmp = tempfile.mkdtemp()
    try:
        verdicts = promtool_verdicts(tmp, cases)
        ok = [i for i, v in enumerate(verdicts) if v == 'OK']
        strings = server_strings(tmp, [cases[i] for i in ok])
    finally:
        shutil.rmtree(tmp)
    printed = {i: strings[k] for k, i in enumerate(ok)}
    with open(os.path.join(HERE, 'conformance.tsv'), 'w', encoding='utf-8', errors='surrogateescape') as f:
        for i, (e, v) in enumerate(zip(cases, verdicts)):
            f.write('%s\t%s\t%s\n' % (escape(e), escape(v), escape(printed.get(i, ''))))
    print('%d cases, %d accepted' % (len(cases), len(ok)))


main()
