#!/usr/bin/env python3
"""Derives USLCI's technosphere matrix A from the openLCA JSON-LD export (olca-schema 1.x).

Usage: derive_uslci_technosphere.py USLCI_JSONLD.zip OUT_DIR

Writes OUT_DIR/uslci-technosphere.mtx.gz (MatrixMarket, coordinate real general, 1-based) and
OUT_DIR/uslci-processes.tsv (column index, process UUID, process name, reference flow, unit).
The rules (documented in lca-engine/src/test/resources/uslci/README.md):

* one column per process (all 766), ordered by process UUID; its row is the process's reference
  product (quantitative reference exchange); the diagonal is the reference amount in the flow's
  reference unit, positive for an output (negative for a reference input, i.e. waste treatment);
* a product input is linked to the unique process whose reference product is that flow and enters
  A[provider][consumer] as minus its amount; an input of the process's own reference flow lowers the
  diagonal; inputs with no such process, or with several (e.g. "Diesel, at refinery" is the reference
  of two refineries), are cut off (counted and printed);
* co-product outputs are left out of A (no allocation: the whole burden stays on the reference
  product); elementary flows are not part of A;
* amounts are converted to the flow's reference unit: amount x unit factor (to its unit group's
  reference unit) / flow property factor (of the exchange's flow property on the flow), as openLCA does.
Only the Python standard library is used.
"""
import gzip
import hashlib
import json
import sys
import zipfile
from collections import defaultdict


def main(zip_path, out_dir):
    z = zipfile.ZipFile(zip_path)
    docs = defaultdict(dict)
    for name in z.namelist():
        if name.endswith('.json') and '/' in name:
            folder = name.split('/')[0]
            if folder in ('processes', 'flows', 'flow_properties', 'unit_groups'):
                d = json.loads(z.read(name))
                docs[folder][d['@id']] = d
    unit_factor = {}
    ref_unit_of_group = {}
    for g in docs['unit_groups'].values():
        for u in g.get('units', []):
            unit_factor[u['@id']] = u['conversionFactor']
            if u.get('referenceUnit'):
                ref_unit_of_group[g['@id']] = u['name']
    group_of_property = {p['@id']: p['unitGroup']['@id'] for p in docs['flow_properties'].values()}

    def to_reference(exchange):
        flow = docs['flows'][exchange['flow']['@id']]
        factors = {f['flowProperty']['@id']: f['conversionFactor'] for f in flow['flowProperties']}
        prop = exchange['flowProperty']['@id']
        return exchange['amount'] * unit_factor[exchange['unit']['@id']] / factors[prop]

    def reference_unit(flow_id):
        flow = docs['flows'][flow_id]
        ref = next(f for f in flow['flowProperties'] if f.get('referenceFlowProperty'))
        return ref_unit_of_group[group_of_property[ref['flowProperty']['@id']]]

    processes = sorted(docs['processes'].values(), key=lambda p: p['@id'])
    column = {p['@id']: j for j, p in enumerate(processes)}
    reference = {}
    providers = defaultdict(list)
    for p in processes:
        refs = [e for e in p['exchanges'] if e.get('quantitativeReference')]
        if len(refs) != 1:
            sys.exit(f"process {p['@id']} has {len(refs)} quantitative references")
        reference[p['@id']] = refs[0]
        providers[refs[0]['flow']['@id']].append(p['@id'])

    entries = defaultdict(float)
    cutoff_missing = cutoff_ambiguous = linked = 0
    for p in processes:
        j = column[p['@id']]
        ref = reference[p['@id']]
        entries[(j, j)] += -to_reference(ref) if ref['input'] else to_reference(ref)
        for e in p['exchanges']:
            if e is ref or not e['input'] or e['flow'].get('flowType') == 'ELEMENTARY_FLOW':
                continue
            if docs['flows'][e['flow']['@id']]['flowType'] == 'ELEMENTARY_FLOW':
                continue
            candidates = providers.get(e['flow']['@id'], [])
            if len(candidates) == 0:
                cutoff_missing += 1
            elif len(candidates) > 1:
                cutoff_ambiguous += 1
            else:
                i = column[candidates[0]]
                entries[(i, j)] -= to_reference(e)
                linked += 1
    nonzero = {k: v for k, v in entries.items() if v != 0.0}
    n = len(processes)
    sha = hashlib.sha256(open(zip_path, 'rb').read()).hexdigest()
    with gzip.GzipFile(f'{out_dir}/uslci-technosphere.mtx.gz', 'wb', mtime=0) as out:
        lines = ['%%MatrixMarket matrix coordinate real general',
                 '% USLCI technosphere matrix A (columns: processes; rows: their reference products)',
                 f'% derived from uslci-olca1.5-jsonld.zip (sha256 {sha})',
                 '% by lca-engine/src/test/scripts/derive_uslci_technosphere.py; see uslci/README.md',
                 f'% {linked} linked inputs, {cutoff_missing} cut off (no provider), '
                 f'{cutoff_ambiguous} cut off (several providers)',
                 f'{n} {n} {len(nonzero)}']
        for (i, j), v in sorted(nonzero.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            lines.append(f'{i + 1} {j + 1} {v!r}')
        out.write(('\n'.join(lines) + '\n').encode('utf-8'))
    with open(f'{out_dir}/uslci-processes.tsv', 'w', encoding='utf-8') as out:
        out.write('column\tprocess_uuid\tprocess_name\treference_flow\tunit\n')
        for p in processes:
            ref = reference[p['@id']]
            out.write(f"{column[p['@id']] + 1}\t{p['@id']}\t{p['name']}\t{ref['flow']['name']}\t"
                      f"{reference_unit(ref['flow']['@id'])}\n")
    print(f'{n} processes, {len(nonzero)} non-zeros, {linked} linked inputs, '
          f'{cutoff_missing} cut off (no provider), {cutoff_ambiguous} cut off (several providers)')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
