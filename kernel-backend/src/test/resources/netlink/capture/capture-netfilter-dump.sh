#!/bin/bash
# The kernel's dump of the rules of every -A of netfilter-commands.txt, as iptables-save reads it (out3/save.trace,
# out3/save.txt): kernel-dump-rules.dump holds its NFT_MSG_NEWRULE messages, kernel-dump-rules.save what it printed.
if [ "${NETNS_LAB_CAPTURE_SANDBOX:-}" != "inside" ]; then
  exec unshare -m -n --propagation private env NETNS_LAB_CAPTURE_SANDBOX=inside bash "$0"
fi
rm -rf out3; mkdir out3
ip link set lo up
grep -E '^(f-a-|f-n-docker|n-a-|n-n-)' netfilter-commands.txt | while IFS='|' read -r name cmd; do eval "$cmd"; done
ping -c1 -W1 127.0.0.1 >/dev/null
strace -f -e trace=sendmsg,recvmsg,sendto,recvfrom -e read=all -e write=all -o out3/save.trace iptables-save > out3/save.txt 2>&1
