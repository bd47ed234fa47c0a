#!/usr/bin/env python3
"""Rebuilds the source extracts under src/main/resources/dev/cradle/factors/sources/ from the public
files they come from, and the generated value sections of the grid and AWARE data files.

Usage: build_extracts.py CO2JS_GIT_DIR EDGES_GIT_DIR MLCO2_IMPACT_GIT_DIR HUBBLO_GIT_DIR OPENCLIMATEDATA_GIT_DIR AR6_GIT_DIR DEFRA_COPY_GIT_DIR
       build_extracts.py --egrid EPA_HUB_COPY_GIT_DIR
       build_extracts.py --mix CODECARBON_GIT_DIR

(--egrid rebuilds only the eGRID2023 subregion extract, from a public copy of EPA's GHG Emission Factors
Hub 2025 workbook; --mix only the generation mix by country, from CodeCarbon's copy of Our World in Data.)

Each argument is a git directory (a clone) of the named public repository; the commit each extract is
read from is pinned below and checked. Python 3 standard library only (the xlsx is read with
xlsx_reader.py, a zip+XML reader). ProvenanceTest re-derives every shipped value from the extracts.
"""
import csv, io, json, os, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, '..', 'src', 'main', 'resources', 'dev', 'cradle', 'factors')
SRC = os.path.join(RES, 'sources')
sys.path.insert(0, HERE)
from xlsx_reader import read as read_xlsx  # noqa: E402

PINS = {
    'co2js': '27cbe8328aeaad0824fb07b3640dc45b72228c7b',
    'edges': 'b55b6fa52f18a143296cbb46603f7aa7a7219b4c',
    'mlco2': 'd0d3ee5a71ea222ac344a94900642ed2ce649af4',
    'hubblo': '2308a62b73f28d0e57498365819950f925c93b8d',
    'ocd': 'fc4e6f48190b2c43a8b1ef41cd7a88f1d1234247',
    'ar6': '24f279260fc2d1ebd09b2bd4114f2be11859e925',
    'defra': '0c3571d4d23ab7ead2c2b2fb1bf212a6d90d2b81',
    'epahub': '1f7d748e1b79caa70365db066b5b60748f62cff6',
    'codecarbon': 'b05965e43b690cdc53787c7577adbe6e2caf4ed9',
}
EPAHUB_REPO = 'Srijaisuryaa007/major-project-carbon-accounting-and-ESG-dashboard-'


def show(git_dir, pin, path):
    return subprocess.run(['git', '--git-dir', git_dir, 'show', pin + ':' + path], check=True,
                          capture_output=True).stdout


def write_csv(name, header, rows, comments):
    with open(os.path.join(SRC, name), 'w', newline='', encoding='utf-8') as f:
        for c in comments:
            f.write('# ' + c + '\n')
        w = csv.writer(f, lineterminator='\n')
        w.writerow(header)
        w.writerows(rows)


def num(v):
    """Shortest text of a number as the source gives it (no rounding)."""
    x = float(v)
    return repr(int(x)) if x == int(x) and abs(x) < 1e15 else repr(x)


def main(co2js, edges, mlco2, hubblo, ocd, ar6, defra):
    # Ember yearly data as republished by co2.js (latest year per country)
    ember = json.loads(show(co2js, PINS['co2js'], 'data/output/average-intensities.json'))
    write_csv('ember-average-intensities.csv',
              ['key', 'country_code', 'country_or_region', 'year', 'emissions_intensity_gco2_per_kwh'],
              [[k, v['country_code'], v['country_or_region'], v['year'], num(v['emissions_intensity_gco2_per_kwh'])]
               for k, v in ember.items()],
              ['Extract of thegreenwebfoundation/co2.js@' + PINS['co2js'] + ':data/output/average-intensities.json',
               '(every record, fields verbatim). Data: Ember, Yearly electricity data, CC BY 4.0;',
               'co2.js code Apache-2.0. https://ember-energy.org/data/yearly-electricity-data/'])
    countries = show(co2js, PINS['co2js'], 'data/fixtures/countries.csv').decode('utf-8')
    rows = list(csv.reader(io.StringIO(countries)))
    write_csv('co2js-countries.csv', rows[0], rows[1:],
              ['Extract of thegreenwebfoundation/co2.js@' + PINS['co2js'] + ':data/fixtures/countries.csv',
               '(verbatim): ISO 3166 alpha-3 to alpha-2 codes used to key Ember countries. Apache-2.0.'])
    # Electricity Maps yearly 2024 zone averages as republished by co2.js
    em = json.loads(show(co2js, PINS['co2js'], 'data/output/electricity-maps/yearly_2024.json'))
    write_csv('electricitymaps-2024-yearly.csv', ['zone', 'zone_name', 'country_name', 'carbon_intensity_gco2eq_per_kwh'],
              [[z, v['zone'].get('zoneName', ''), v['zone'].get('countryName', ''), num(v['carbonIntensity']['value'])]
               for z, v in em.items() if v.get('carbonIntensity', {}).get('value') is not None],
              ['Extract of thegreenwebfoundation/co2.js@' + PINS['co2js'] + ':data/output/electricity-maps/yearly_2024.json',
               '(every zone with a carbon intensity; fields verbatim). Data: Electricity Maps, yearly 2024 averages,',
               'ODbL 1.0 (share-alike database licence). https://www.electricitymaps.com/data-portal'])
    # AWARE 2.0 country and sub-national aggregations, non-irrigation sector, annual
    xlsx = show(edges, PINS['edges'], 'dev/AWARE/AWARE 2.0/AWARE20_Countries_and_Regions.xlsx')
    path = os.path.join(SRC, '..', '..', '..', '..', '..', '..', '..', 'target', 'aware20.xlsx')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(xlsx)
    book = read_xlsx(path)
    header = book['CFs_nonagri'][0]
    assert header[:9] == ['ID', 'conform_w_GLAM', 'conform_w_ecoinvent', 'GLAM_country_name', 'ecoinvent_country_name',
                          'GLAM_ISO3', 'ecoinvent_shortname', 'ecoinvent_collection', 'Annual'], header
    rows = [r[:9] for r in book['CFs_nonagri'][1:]]
    glo = [r for r in book['CFs_add_nonagri'][1:] if r[1] == 'GLO']
    assert len(glo) >= 1 and book['CFs_add_nonagri'][0][14] == 'annual'
    write_csv('aware20-nonagri-annual.csv', header[:9] + ['source_sheet'],
              [[c if c is not None else '' for c in r] + ['CFs_nonagri'] for r in rows]
              + [['GLO', '', '', 'Global', 'Global', '', 'GLO', 'global', num(glo[0][14]), 'CFs_add_nonagri']],
              ['Extract of AWARE20_Countries_and_Regions.xlsx (2024-07-09), sheet CFs_nonagri columns A-I (all rows)',
               'and the GLO row (annual) of sheet CFs_add_nonagri; read from philoubet/edges@' + PINS['edges'],
               ':dev/AWARE/AWARE 2.0/. Dataset: Seitfudem, Berger, Mueller Schmied, Boulay 2023, AWARE2.0 [Data set],',
               'Zenodo, doi:10.5281/zenodo.8215864 (version 0.0.3); unit m3 world-eq per m3 consumed.'])
    # ML CO2 Impact calculator cloud regions (verbatim file)
    impact = show(mlco2, PINS['mlco2'], 'data/impact.csv').decode('utf-8')
    rows = list(csv.reader(io.StringIO(impact)))
    write_csv('mlco2-impact.csv', rows[0], rows[1:],
              ['Extract of mlco2/impact@' + PINS['mlco2'] + ':data/impact.csv (verbatim, every row). MIT licence.'])
    # Hubblo / ADEME GPU LCA: stage columns used by the library, for the cards it ships
    gpu = show(hubblo, PINS['hubblo'], 'src/data/gpu/gpus_impact_factors.csv').decode('utf-8')
    reader = list(csv.DictReader(io.StringIO(gpu)))
    cols = ['graphics_card', 'component'] + [s + '_' + i for s in ('manufacturing', 'transport', 'end_of_life')
                                             for i in ('GWP', 'ADPe', 'ADPf', 'WU')]
    cards = {'NVIDIA H100 PCIe 80GB', 'NVIDIA A100 SXM4 40GB', 'NVIDIA A100 PCIe 40GB', 'NVIDIA GH200', 'NVIDIA L4',
             'NVIDIA RTX A4500'}
    write_csv('hubblo-gpus-impact-factors.csv', cols, [[r[c] for c in cols] for r in reader if r['graphics_card'] in cards],
              ['Extract of hubblo-org/gpu-calculator@' + PINS['hubblo'] + ':src/data/gpu/gpus_impact_factors.csv:',
               'the rows of the six cards Cradle ships, the GWP, ADPe, ADPf and WU columns of the manufacturing,',
               'transport and end-of-life stages, verbatim. CC BY-SA 4.0 (ADEME, Hubblo, Tide). Units: kg CO2-eq,',
               'kg Sb-eq, MJ, m3 world-eq (AWARE), per card.'])
    # IPCC GWPs (CC0 compilation)
    gwp = show(ocd, PINS['ocd'], 'globalwarmingpotentials.csv').decode('utf-8').splitlines()
    keep = {'Species', 'CH4', 'N2O', 'SF6', 'NF3', 'CF4', 'C2F6', 'C3F8', 'cC4F8', 'HFC23', 'HFC32', 'HFC41', 'HFC134a'}
    seen = set()
    lines = []
    for line in gwp:
        name = line.split(',')[0]
        if name in keep and name not in seen:
            seen.add(name)
            lines.append(line)
    with open(os.path.join(SRC, 'openclimatedata-gwp.csv'), 'w', encoding='utf-8') as f:
        f.write('# Extract of openclimatedata/globalwarmingpotentials@' + PINS['ocd'] + ':globalwarmingpotentials.csv\n')
        f.write('# (header and the first row of each gas Cradle characterises, verbatim). CC0 1.0; values: IPCC AR4, AR5, AR6.\n')
        f.write('\n'.join(lines) + '\n')
    # IPCC AR6 Table 7.SM.7 for the two etch gases the CC0 compilation lacks
    sm = show(ar6, PINS['ar6'], 'data_output/7sm/metrics_supplement_cleaned.csv').decode('utf-8').splitlines()
    keep = [sm[0]] + [line for line in sm if '685-63-2' in line or '559-40-0' in line]
    assert len(keep) == 3
    with open(os.path.join(SRC, 'ar6-7sm7-etch-gases.csv'), 'w', encoding='utf-8') as f:
        f.write('# Extract of chrisroadmap/ar6@' + PINS['ar6'] + ':data_output/7sm/metrics_supplement_cleaned.csv\n')
        f.write('# (header, hexafluoro-1,3-butadiene C4F6 CAS 685-63-2 and octafluorocyclopentene c-C5F8 CAS 559-40-0, verbatim).\n')
        f.write('# MIT (repository); values: IPCC AR6 WG1 Chapter 7 Supplementary Material, Table 7.SM.7.\n')
        f.write('\n'.join(keep) + '\n')
    # UK DESNZ 2025 conversion factors (copy of the official flat file, split by category)
    ids = {'category_freighting_goods.csv': ['27_317_3156_14_1', '27_320_3235_14_1', '27_304_3140_14_1', '27_315_3151_14_1'],
           'category_wtt_delivery_vehs_&_freight.csv': ['28_913_3156_14_1', '28_916_3235_14_1', '28_907_3140_14_1',
                                                        '28_911_3151_14_1'],
           'category_waste_disposal.csv': ['20_503_5330_15_1', '20_503_5334_15_1']}
    out = []
    for name, wanted in ids.items():
        text = show(defra, PINS['defra'], 'defra_factors_2025_v2/' + name).decode('utf-8')
        rows = list(csv.reader(io.StringIO(text)))
        header = rows[0]
        found = {r[0]: r for r in rows[1:] if r and r[0] in wanted}
        assert set(found) == set(wanted), name
        out += [[name] + found[i] for i in wanted]
    write_csv('defra-2025-extract.csv', ['file'] + header, out,
              ['Extract of scope3emissiontest-oss/JulesProject@' + PINS['defra'] + ':defra_factors_2025_v2/ (a copy of',
               'the UK DESNZ Greenhouse gas reporting conversion factors 2025 flat file, v2, split by category): the',
               'rows Cradle uses, verbatim, with the file each comes from. Open Government Licence v3.0 (DESNZ).'])


def egrid(hub):
    """EPA GHG Emission Factors Hub 2025, Table 6 (Electricity): eGRID2023 subregion total output emission
    rates, as EPA publishes the workbook (public domain, US Government work). The copy is EPA's file as
    downloaded (last saved by EPA staff, 2025-09-24; not edited by the repository's owner)."""
    xlsx = show(hub, PINS['epahub'], 'ghg-emission-factors-hub-2025.xlsx')
    path = os.path.join(HERE, '..', 'target', 'ghg-emission-factors-hub-2025.xlsx')
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(xlsx)
    sheet = read_xlsx(path)['Emission Factors Hub']
    start = next(i for i, r in enumerate(sheet) if any(c and c.strip() == 'Table 6' for c in r))
    cells = lambda r: [c for c in r if c is not None and c.strip() != '']
    head = next(i for i in range(start, start + 10) if 'eGRID Subregion Acronym' in cells(sheet[i]))
    rows, source = [], None
    for r in sheet[head + 2:]:
        c = cells(r)
        if c and c[0].startswith('Source:'):
            source = c[0]
            break
        if c and c[0] != 'US Average':
            rows.append([c[0], c[1], num(c[2]), num(c[3]), num(c[4])])
    assert len(rows) == 27 and source, (rows, source)  # 26 on the mainland, Alaska and Hawaii, and Puerto Rico
    write_csv('epa-hub-2025-egrid2023-subregions.csv',
              ['subregion', 'subregion_name', 'co2_lb_per_mwh', 'ch4_lb_per_mwh', 'n2o_lb_per_mwh'], rows,
              ['Extract of ' + EPAHUB_REPO + '@' + PINS['epahub'] + ':ghg-emission-factors-hub-2025.xlsx',
               "(a copy of US EPA's GHG Emission Factors Hub 2025 workbook), sheet 'Emission Factors Hub', Table 6",
               'Electricity, Total Output Emission Factors: every eGRID subregion row, columns verbatim (the US Average',
               'row is left out: the US country grid comes from Ember). The table cites ' + source[len('Source: '):] + ',',
               'https://www.epa.gov/system/files/documents/2025-01/egrid2023_summary_tables.xlsx. Public domain',
               '(US Government work). Combustion emissions only, no upstream (as EPA notes under the table).'])


MIX_COLUMNS = ['coal_TWh', 'gas_TWh', 'oil_TWh', 'nuclear_TWh', 'hydroelectricity_TWh', 'wind_TWh', 'solar_TWh',
               'biofuel_TWh', 'other_renewable_exc_biofuel_TWh']


def mix(codecarbon):
    """Electricity generation by source per country: CodeCarbon's global_energy_mix.json (MIT file), built by its
    notebook our_world_in_data.ipynb from Our World in Data's energy dataset (CC BY 4.0; Ember and the Energy
    Institute), the latest year with a carbon intensity per country. The nine source columns sum to total_TWh."""
    data = json.loads(show(codecarbon, PINS['codecarbon'], 'codecarbon/data/private_infra/global_energy_mix.json'))
    rows = []
    for code, v in sorted(data.items()):
        total = sum(float(v[c]) for c in MIX_COLUMNS)
        assert abs(total - float(v['total_TWh'])) <= 0.02 + 1e-3 * float(v['total_TWh']), code  # no source left out
        rows.append([code, v['country_name'], v['year']] + [num(v[c]) for c in MIX_COLUMNS] + [num(v['total_TWh'])])
    write_csv('codecarbon-global-energy-mix.csv', ['iso_code', 'country_name', 'year'] + MIX_COLUMNS + ['total_TWh'], rows,
              ['Extract of mlco2/codecarbon@' + PINS['codecarbon'] + ':codecarbon/data/private_infra/global_energy_mix.json',
               '(every record; the generation columns and year verbatim, TWh per year). File MIT (CodeCarbon); data: Our',
               'World in Data, Energy dataset (Ritchie, Rosado and Roser), from Ember and the Energy Institute Statistical',
               'Review of World Energy, CC BY 4.0, https://github.com/owid/energy-data. CodeCarbon keeps per country the',
               'latest year with a carbon intensity (2022 or 2023 for most) and writes a missing value as 0.'])


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == '--egrid':
        egrid(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) == 3 and sys.argv[1] == '--mix':
        mix(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) != 8:
        sys.exit(__doc__)
    main(*sys.argv[1:])
