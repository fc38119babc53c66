/**
 * {@code iptables -t nat}, as iptables 1.8.9 (nf_tables) has it: {@link org.netnslab.core.iptables.Iptables}
 * is {@code do_parse}'s getopt_long loop and its checks (iptables/xshared.c, run by {@code do_commandx} in
 * xtables.c), with the commands it makes, each with its run on the backend's nat table;
 * {@link org.netnslab.core.iptables.IptablesFormat} prints the table for {@code -S} and {@code -L} as
 * iptables-nft does. It knows
 * the backend port, the model and the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.iptables;
