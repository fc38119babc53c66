import re, sys, json
def datagrams(path):
    out=[]; cur=None
    for line in open(path):
        line=line.rstrip('\n')
        m=re.match(r'^(?:\d+ +)?(sendmsg|recvmsg|sendto|recvfrom)\((\d+), (.*)', line)
        if m:
            cur={'call':m.group(1),'fd':int(m.group(2)),'text':m.group(3),'hex':[]}
            out.append(cur); continue
        m=re.match(r'^(?:\d+ )? \| [0-9a-f]{5}  (.{49})', line)
        if m and cur is not None:
            cur['hex'] += [h for h in m.group(1).split() if re.fullmatch('[0-9a-f]{2}', h)]
    return [d for d in out if d['hex']]
if __name__=='__main__':
    for i,d in enumerate(datagrams(sys.argv[1])):
        print(i, d['call'], d['fd'], len(d['hex']), d['text'][:260])
