import sys, textwrap
sys.path.insert(0,'.')
from extract import datagrams
sel = [
 ('rtm-newlink-veth-peer-elsewhere','link-show',3,'kernel','ip link show veth0'),
 ('rtm-newlink-loopback-up','link-lo',3,'kernel','ip link show lo'),
 ('rtm-newlink-bridge','link-bridge',3,'kernel','ip link show br0'),
 ('rtm-newaddr-dump','addr-dump',5,'kernel','ip addr show'),
 ('rtm-newroute-dump','route-dump',1,'kernel','ip route show'),
 ('rtm-newroute-get','route-get',1,'kernel','ip route get 10.9.9.9'),
 ('rtm-newroute-get-local','route-get-local',1,'kernel','ip route get 10.0.0.1'),
 ('nlmsgerr-extack','route-refused',1,'kernel','ip route add 10.5.0.0/16 via 10.9.9.9'),
 ('nlmsgerr-eexist','link-exists',3,'kernel','ip link add veth0 type veth peer name other'),
 ('nlmsgerr-ack-capped','veth-add',3,'kernel','ip link add veth0 type veth peer name veth1 netns blue'),
 ('rtm-newnsid','netns-list',1,'kernel','ip netns list'),
 ('nft-newchain','nat-list',6,'kernel','iptables -t nat -S'),
 ('nft-newrule','nat-list',11,'kernel','iptables -t nat -S'),
 ('rtm-newlink-veth-request','veth-add',2,'iproute2','ip link add veth0 type veth peer name veth1 netns blue'),
 ('rtm-newlink-up-request','link-up',4,'iproute2','ip link set dev veth0 up'),
 ('rtm-newaddr-request','addr-add',2,'iproute2','ip addr add 10.0.0.1/24 dev veth0'),
 ('rtm-newroute-via-request','route-add-via',0,'iproute2','ip route add default via 10.0.0.2'),
 ('rtm-newroute-dev-request','route-add-dev',2,'iproute2','ip route add 10.1.0.0/16 dev veth0'),
 ('rtm-getroute-request','route-get',0,'iproute2','ip route get 10.9.9.9'),
 ('rtm-getnsid-request','netns-list',0,'iproute2','ip netns list'),
 ('nft-batch-append','nat-append',16,'iptables','iptables -t nat -A POSTROUTING -s 10.0.0.0/20 -o eth0 -j MASQUERADE'),
]
for name, trace, idx, frm, cmd in sel:
    d = datagrams(trace + '.trace')[idx]
    with open(name + '.dump', 'w') as f:
        f.write('# %s, captured with strace from `%s`\n' % ('sent by ' + frm if frm != 'kernel' else 'the kernel\'s answer', cmd))
        f.write('# Linux 6.18, iproute2 6.1, iptables 1.8.9 (nf_tables), in a private network namespace\n')
        f.write('from: %s\n' % frm)
        f.write('hex:\n')
        h = d['hex']
        for i in range(0, len(h), 16):
            f.write(' '.join(h[i:i+16]) + '\n')
    print(name, d['call'], len(d['hex']))
    print('   ', d['text'][:3000])
