import sys, struct, re
sys.path.insert(0,'/work/wt-nft/kernel-backend/src/test/resources/netlink/capture')
from extract import datagrams
T={0:'NEWTABLE',1:'GETTABLE',2:'DELTABLE',3:'NEWCHAIN',4:'GETCHAIN',5:'DELCHAIN',6:'NEWRULE',7:'GETRULE',8:'DELRULE',16:'GETGEN',17:'NEWGEN',26:'DESTROYTABLE',27:'DESTROYCHAIN'}
def attrs(b):
    i=0;out=[]
    while i+4<=len(b):
        l,t=struct.unpack_from('<HH',b,i)
        if l<4: break
        out.append((t&0x3fff,t&0x8000!=0,b[i+4:i+l])); i+=(l+3)&~3
    return out
def s(v): return v.rstrip(b'\0').decode(errors='replace')
def be(v): return int.from_bytes(v,'big')
def expr(e):
    a=dict((t,v) for t,n,v in attrs(e))
    name=s(a.get(1,b'')); d=attrs(a.get(2,b''))
    return name+'('+', '.join('%d=%s'%(t,(v.hex() if not n else '{'+expr_data(v)+'}')) for t,n,v in d)+')'
def expr_data(v): return ' '.join('%d=%s'%(t,vv.hex()) for t,n,vv in attrs(v))
def msg(m):
    l,typ,fl,seq,pid=struct.unpack_from('<IHHII',m,0)
    sub=typ>>8; t=typ&0xff
    if typ in (0x10,0x11): return '%s seq=%d flags=%x'%('BEGIN' if typ==0x10 else 'END',seq,fl)
    if typ==2: err=struct.unpack_from('<i',m,16)[0]; return 'ERROR %d seq=%d'%(err,struct.unpack_from('<I',m,28)[0])
    if typ==3: return 'DONE'
    name=T.get(t,str(t)) if sub==10 else 'sub%d/%d'%(sub,t)
    fam=m[16]
    out='%s fam=%d seq=%d flags=%x'%(name,fam,seq,fl)
    for at,n,v in attrs(m[20:l]):
        if name.endswith('RULE') and at==4:
            out+='\n    exprs:'+''.join('\n      '+expr(x[2]) for x in attrs(v))
        elif n: out+='\n    %d{%s}'%(at,expr_data(v))
        elif len(v)>0 and all(32<=c<127 for c in v[:-1]) and v[-1]==0: out+=' %d="%s"'%(at,s(v))
        else: out+=' %d=%s'%(at,v.hex())
    return out
def msgs(b):
    i=0
    while i+16<=len(b):
        l=struct.unpack_from('<I',b,i)[0]
        if l<16: break
        yield b[i:i+l]; i+=(l+3)&~3
for path in sys.argv[1:]:
    print('=====',path)
    for d in datagrams(path):
        b=bytes.fromhex(''.join(d['hex']))
        if d['call'] in('sendmsg','sendto'):
            ms=list(msgs(b))
            if any(struct.unpack_from('<H',m,4)[0] in (0x10,) for m in ms) or '-r' in sys.argv[0]:
                for m in ms: print('>',msg(m))
        elif '--replies' in open('/proc/self/cmdline').read():
            for m in msgs(b): print('<',msg(m))
