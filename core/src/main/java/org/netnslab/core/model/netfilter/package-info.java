/**
 * What iptables-nft keeps in the kernel, as immutable values: a namespace's {@link
 * org.netnslab.core.model.netfilter.Ruleset} of tables ({@code filter}, {@code nat}), their chains (base chains
 * with hook, priority, policy and counters; user chains), and rules (the IP header's matches, extension
 * matches, a target) with their counters and nf_tables handles. The {@code Backend} port changes them one
 * iptables command at a time and reads them back.
 */
package org.netnslab.core.model.netfilter;
