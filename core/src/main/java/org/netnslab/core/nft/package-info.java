/**
 * {@code nft list ruleset|tables|table|chain}, as nftables 1.0.6 prints the tables iptables-nft made
 * ({@link org.netnslab.core.nft.Nft}): its native expressions, and the iptables extensions that nft prints by
 * their translation, with its warning that iptables-nft manages the table. It knows the backend port, the
 * model and the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.nft;
