/**
 * {@code hostname}, Debian's ({@code hostname.c}): {@code hostname -I}, every address of the namespace's links
 * that are up, read through the {@link org.netnslab.core.backend.Backend} port's state.
 */
package org.netnslab.core.hostname;
