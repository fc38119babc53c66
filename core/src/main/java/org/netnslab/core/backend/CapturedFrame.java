package org.netnslab.core.backend;

/**
 * One frame a packet socket saw on a device: what {@code recvfrom} on an {@code AF_PACKET} socket gives, with
 * the moment it was seen ({@code SIOCGSTAMP}) and the {@code sockaddr_ll} it came with.
 *
 * @param micros when it was seen, in microseconds since the epoch, on the lab's clock
 * @param device the name of the device it went through
 * @param ifindex that device's index in its namespace
 * @param outgoing {@code PACKET_OUTGOING}: the device sent it; otherwise it received it
 * @param frame the Ethernet frame, from its destination address to the end of its payload
 */
public record CapturedFrame(long micros, String device, int ifindex, boolean outgoing, byte[] frame) {}
