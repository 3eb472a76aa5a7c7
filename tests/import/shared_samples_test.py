#!/usr/bin/env python3
"""The two real samples in ../shared/data, imported end to end: the counts docs/import.md states,
recounted here from the raw files; the datasets check beside the embedded one; and who-met on the
ICEWS sample counts exactly the held visits, meetings and negotiation rounds the import made,
never a call, a consultation or an intent, which it lists as planned or proposed.

usage: shared_samples_test.py PARLEY DATA_DIR   (exits 77, a skip, when DATA_DIR is absent)"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile

SKIP = 77
GATHERING_CODES = {'036', '040', '041', '042', '043', '044', '046'}


def run(*args):
    result = subprocess.run(list(args), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f'{" ".join(args)} failed ({result.returncode}):\n{result.stderr}')
    return result


def expect(condition, message):
    if not condition:
        sys.exit('FAIL: ' + message)


def main():
    parley, data = sys.argv[1], sys.argv[2]
    icews = os.path.join(data, 'icews-events-2018-sample.tab')
    gdelt = os.path.join(data, 'gdelt1-events-sample.tsv')
    if not (os.path.exists(icews) and os.path.exists(gdelt)):
        print(f'skipped: the shared samples are not at {data} (../shared/data beside the project)')
        return SKIP
    work = tempfile.mkdtemp()

    # ICEWS: rows of the gathering codes with two different actors are kept, the rest left out.
    with open(icews, encoding='utf-8') as f:
        rows = [line.rstrip('\n').split('\t') for line in f][1:]
    wanted = [r for r in rows if r[6] in GATHERING_CODES]
    kept = [r for r in wanted if r[2] != 'NA' and r[8] != 'NA' and (r[2], r[4]) != (r[8], r[10])]
    out = os.path.join(work, 'icews.json')
    summary = run(parley, 'import', 'icews', icews, '-o', out).stderr
    expect(f'{len(rows)} rows read, {len(kept)} kept as evidence' in summary, 'ICEWS counts: ' + summary)
    expect((len(rows), len(kept)) == (3705, 1245), 'the ICEWS sample counts docs/import.md gives')
    run(parley, 'check', '--db', '@default', '--db', out)

    dataset = json.load(open(out, encoding='utf-8'))
    entities = {e['id']: e for e in dataset['entities']}
    status = {e['id']: next((a['value'] for a in e.get('attributes', []) if a['name'] == 'status'), None)
              for e in dataset['entities']}
    participants = collections.defaultdict(set)
    for r in dataset['relations']:
        if r['type'] == 'participant_in':
            participants[r['to']].add(r['from'])
    lavrov = next(e['id'] for e in dataset['entities'] if e['name'] == 'Sergey Viktorovich Lavrov')
    his = [g for g, who in participants.items() if lavrov in who]
    counted = [g for g in his if entities[g]['kind'] in ('visit', 'meeting', 'negotiation_round') and status[g] == 'held']
    intents = [g for g in his if status[g] in ('planned', 'proposed')]
    expect(len(counted) > 0 and len(intents) > 0, 'Lavrov has visits and intents in the sample')
    answer = run(parley, '--db', out, 'who-met', 'Sergey Viktorovich Lavrov').stdout
    expect(f'Sergey Viktorovich Lavrov: {len(counted)} meetings in the dataset (status held)' in answer,
           f'who-met counts the {len(counted)} held visits, meetings and negotiation rounds:\n{answer}')
    listed = answer.split('\n\n')[1] if '\n\n' in answer else ''
    expect(' call' not in listed and 'consultation' not in listed, 'no call or consultation counted:\n' + answer)
    not_counted = re.findall(r'not counted: .*\((.*), (planned|proposed)\)', answer)
    expect(len(not_counted) == len(intents), f'the {len(intents)} intents are listed as planned or proposed:\n{answer}')

    # GDELT 1.0: 57- and 58-column lines mixed; a row needs two actors.
    with open(gdelt, encoding='utf-8') as f:
        lines = [line.rstrip('\n').split('\t') for line in f]
    layouts = collections.Counter(len(fields) for fields in lines)
    kept = [l for l in lines if l[26] in GATHERING_CODES and l[5] and l[15]]
    out = os.path.join(work, 'gdelt.json')
    summary = run(parley, 'import', 'gdelt', gdelt, '-o', out).stderr
    expect(f'{len(lines)} rows read, {len(kept)} kept as evidence' in summary, 'GDELT counts: ' + summary)
    expect(f'{layouts[57]} of 57 columns, {layouts[58]} of 58, 0 of 61' in summary, 'GDELT layouts: ' + summary)
    expect((len(lines), len(kept), layouts[57], layouts[58]) == (710, 140, 201, 509), 'the GDELT counts docs/import.md gives')
    run(parley, 'check', '--db', '@default', '--db', out)
    print('ok: ICEWS and GDELT samples')
    return 0


if __name__ == '__main__':
    sys.exit(main())
