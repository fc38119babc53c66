/**
 * {@code grep}, as GNU grep 3.8 reads its options and selects the lines of what a pipe feeds it. It knows the
 * shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.grep;
