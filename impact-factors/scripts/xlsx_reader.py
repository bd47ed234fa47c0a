import zipfile, re, sys, xml.etree.ElementTree as ET
NS={'m':'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
def col(ref):
    c=re.match(r'[A-Z]+',ref).group(0); n=0
    for ch in c: n=n*26+ord(ch)-64
    return n-1
def read(path):
    z=zipfile.ZipFile(path)
    ss=[]
    if 'xl/sharedStrings.xml' in z.namelist():
        for si in ET.fromstring(z.read('xl/sharedStrings.xml')).findall('m:si',NS):
            ss.append(''.join(t.text or '' for t in si.iter('{%s}t'%NS['m'])))
    wb=ET.fromstring(z.read('xl/workbook.xml'))
    rels=ET.fromstring(z.read('xl/_rels/workbook.xml.rels'))
    rmap={r.get('Id'):r.get('Target') for r in rels}
    out={}
    for s in wb.find('m:sheets',NS):
        rid=s.get('{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id')
        t=rmap[rid]; t=t if t.startswith('xl/') else 'xl/'+t.lstrip('/')
        rows=[]
        for row in ET.fromstring(z.read(t)).iter('{%s}row'%NS['m']):
            vals={}
            for c in row.findall('m:c',NS):
                v=c.find('m:v',NS); typ=c.get('t')
                if typ=='s' and v is not None: val=ss[int(v.text)]
                elif typ=='inlineStr': val=''.join(x.text or '' for x in c.iter('{%s}t'%NS['m']))
                else: val=v.text if v is not None else None
                vals[col(c.get('r'))]=val
            if vals:
                m=max(vals)+1; rows.append([vals.get(i) for i in range(m)])
        out[s.get('name')]=rows
    return out
if __name__=='__main__':
    d=read(sys.argv[1])
    for name in sys.argv[2:]:
        for r in d[name]: print(r)
