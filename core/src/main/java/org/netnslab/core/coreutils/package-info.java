/**
 * coreutils' {@code head} and {@code wc}, on what a pipe feeds them, as coreutils 9.1 reads their options.
 * They know the shared pieces of {@code org.netnslab.core.command}, no other tool.
 */
package org.netnslab.core.coreutils;
