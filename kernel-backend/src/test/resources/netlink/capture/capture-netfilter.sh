#!/bin/bash
# Runs iptables-nft under strace for every line NAME|COMMAND of netfilter-commands.txt (into out/) and
# netfilter-commands-2.txt (into out2/), each file in a fresh sandbox of its own, one after the other, so each
# command meets the state the ones before it left; then `python3 make_netfilter_dumps.py` writes ../netfilter/.
if [ "${NETNS_LAB_CAPTURE_SANDBOX:-}" != "inside" ]; then
  exec unshare -m -n --propagation private env NETNS_LAB_CAPTURE_SANDBOX=inside bash "$0" "$@"
fi
if [ $# -eq 0 ]; then
  for f in netfilter-commands.txt:out netfilter-commands-2.txt:out2; do bash "$0" "${f%%:*}" "${f##*:}"; done
  exit
fi
unshare -n bash -c '
ip link set lo up; rm -rf "$2"; mkdir "$2"
while IFS="|" read -r name cmd; do
  eval "strace -f -e trace=sendmsg,recvmsg,sendto,recvfrom -e read=all -e write=all -o $2/$name.trace $cmd" >"$2/$name.out" 2>&1
  echo "rc=$?" >> "$2/$name.out"
  nft --debug=netlink list ruleset > "$2/$name.nft" 2>&1
done < "$1"' - "$1" "$2"
