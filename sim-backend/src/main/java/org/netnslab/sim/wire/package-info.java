/**
 * Packet formats, one file each (smoltcp's {@code src/wire}): a record with {@code parse(ByteBuffer)},
 * {@code emit(ByteBuffer)} and {@code length()}; malformed bytes raise {@link org.netnslab.sim.wire.WireFormatException}.
 */
package org.netnslab.sim.wire;
