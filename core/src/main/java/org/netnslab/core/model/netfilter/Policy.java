package org.netnslab.core.model.netfilter;

/** A built-in chain's policy: what becomes of a packet that reaches the chain's end ({@code -P CHAIN ACCEPT|DROP}). */
public enum Policy {
    ACCEPT, DROP
}
