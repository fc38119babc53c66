import sys, struct, os, subprocess
sys.path.insert(0,'.')
from extract import datagrams
import importlib.util
spec=importlib.util.spec_from_file_location('dec','nft_decode.py')
dest='../netfilter'
os.makedirs(dest,exist_ok=True)
exec(open('nft_decode.py').read().split('for path in sys.argv[1:]')[0])
n=0
for cmdfile,outdir in (('netfilter-commands.txt','out'),('netfilter-commands-2.txt','out2')):
    for line in open(cmdfile):
        name,cmd=line.rstrip('\n').split('|',1)
        if not cmd.startswith('iptables'): continue
        batch=None
        for d in datagrams('%s/%s.trace'%(outdir,name)):
            if d['call']!='sendmsg': continue
            b=bytes.fromhex(''.join(d['hex']))
            ms=list(msgs(b))
            if ms and struct.unpack_from('<H',ms[0],4)[0]==0x10: batch=b
        if batch is None: continue
        out=open('%s/%s.dump'%(dest,name),'w')
        out.write('# sent by iptables, captured with strace from `%s`\n'%cmd)
        out.write('# Linux 6.18, iptables 1.8.9 (nf_tables), in a private network namespace, after the commands before it in\n# capture/netfilter-commands.txt\n')
        for m in msgs(batch):
            for l in msg(m).split('\n'):
                out.write('# decoded: '+l.strip()+'\n')
        out.write('from: iptables\nhex:\n')
        h=batch.hex()
        for i in range(0,len(h),32):
            out.write(' '.join(h[j:j+2] for j in range(i,min(i+32,len(h)),2))+'\n')
        n+=1
print(n)
