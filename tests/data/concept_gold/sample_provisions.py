import xml.etree.ElementTree as ET, glob, random, json, collections
NS='{urn:himoya:corpus:1}'
UNITS={'chapter':'chp','section':'sec','article':'art','paragraph':'para','part':'part','point':'point','subsection':'subsec'}
def local(t): return t.split('}')[1]
groups=collections.OrderedDict()
docs={}
for f in sorted(glob.glob('corpus/**/*.xml',recursive=True)):
    if '/schema/' in f or 'thesaurus' in f or '/facts/' in f: continue
    r=ET.parse(f).getroot()
    if local(r.tag)!='document': continue
    m=r.find(NS+'meta')
    g=lambda n:(m.find(NS+n).text if m.find(NS+n) is not None else '')
    did=r.get('id'); work=g('work') or did; lang=g('language')
    dt=[t.text for t in m.iter(NS+'topic')]
    docs[did]=dict(work=work,lang=lang,type=g('type'),jur=g('jurisdiction'),title=g('title'),topics=dt)
    seen=collections.Counter()
    def walk(node,parent,heading):
        for c in node:
            n=local(c.tag)
            if n in('heading','p'): continue
            num=(c.get('num') or '').strip()
            uid=c.get('id')
            if not uid:
                uid=UNITS.get(n,n)+'_'+(''.join(ch for ch in num if ch.isalnum()) or '1')
                if parent: uid=parent+'__'+uid
            seen[uid]+=1
            if seen[uid]>1: uid=uid+'_'+str(seen[uid])
            h=c.find(NS+'heading'); h=''.join(h.itertext()).strip() if h is not None else heading
            ps=[' '.join(''.join(p.itertext()).split()) for p in c.findall(NS+'p')]
            if ps:
                key=work+'/'+uid
                groups.setdefault(key,{'work':work,'unit':uid,'jur':docs[did]['jur'],'type':docs[did]['type'],'versions':{}})
                groups[key]['versions'][lang]={'doc':did,'heading':h,'text':'\n'.join(ps),'markup_topics':(c.get('topics') or '').split(),'doc_topics':dt}
            walk(c,uid,h)
    walk(r.find(NS+'body'),'','')
print(len(groups))
json.dump(groups,open('/tmp/gold/groups.json','w'),ensure_ascii=False,indent=1)
# stratified sample: per (jur,type) stratum, proportional-ish with min 2
random.seed(20261205)
strata=collections.defaultdict(list)
for k,v in groups.items(): strata[(v['jur'],v['type'])].append(k)
sample=[]
for s,ks in sorted(strata.items()):
    n=max(2,round(len(ks)*0.27))
    sample+=random.sample(ks,min(n,len(ks)))
print(len(sample), {s:len(k) for s,k in sorted(strata.items())})
random.shuffle(sample)
json.dump(sample,open('/tmp/gold/sample.json','w'))
