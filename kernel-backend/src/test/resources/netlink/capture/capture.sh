#!/bin/bash
# Runs the real tools under strace, each traced command writing NAME.trace, always in a sandbox of its own:
# the script re-executes itself under unshare, so that it can never run in the machine's own namespaces.
if [ "${NETNS_LAB_CAPTURE_SANDBOX:-}" != "$$-inside" ]; then
  exec unshare -m -n --propagation private bash -c 'NETNS_LAB_CAPTURE_SANDBOX="$$-inside" exec bash "$0"' "$0"
fi
mount -t tmpfs tmpfs /run/netns
t() { name=$1; shift; strace -f -e trace=sendmsg,recvmsg,sendto,recvfrom -e read=all -e write=all -o $name.trace "$@" >/dev/null 2>&1; }
ip netns add blue; ip link set lo up
t veth-add ip link add veth0 type veth peer name veth1 netns blue
t link-up ip link set dev veth0 up
t addr-add ip addr add 10.0.0.1/24 dev veth0
t link-show ip link show veth0
t link-lo ip link show lo
ip link add br0 type bridge
t link-bridge ip link show br0
ip -n blue link set veth1 up
sleep 1.5
t addr-dump ip addr show
t route-add-dev ip route add 10.1.0.0/16 dev veth0
t route-add-via ip route add default via 10.0.0.2
ip link add vx type veth peer name vy; ip addr add 10.2.0.1/24 dev vx; ip link set vx up
sleep 1.5
t route-dump ip route show
t route-get ip route get 10.9.9.9
t route-get-local ip route get 10.0.0.1
t route-refused ip route add 10.5.0.0/16 via 10.9.9.9
t link-exists ip link add veth0 type veth peer name other
t netns-list ip netns list
t nat-append iptables -t nat -A POSTROUTING -s 10.0.0.0/20 -o eth0 -j MASQUERADE
t nat-list iptables -t nat -S
