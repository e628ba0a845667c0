package io.culex.adapters.file.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Reads queued deliveries back from their {@link Locations}, through a small window so that neighbours in a
 * page (usually neighbours in the file) cost one read. One reader per thread; the channels must stay open
 * while it is used.
 */
final class DeliveryReader {

    private final FileChannel[] channels;
    private final Path[] paths;
    private final byte[] window;
    private int windowTag = -1;
    private long windowStart;
    private int windowLength;

    DeliveryReader(FileChannel[] channels, Path[] paths, int windowSize) {
        this.channels = channels;
        this.paths = paths;
        this.window = new byte[windowSize];
    }

    Path path(long location) {
        return paths[Locations.tag(location)];
    }

    /** The delivery's encoded bytes (its length prefix included). */
    byte[] read(long location) throws IOException {
        int tag = Locations.tag(location);
        FileChannel channel = channels[tag];
        if (channel == null) {
            throw new IOException("no open file for tag " + tag + " (location " + Long.toHexString(location) + ")");
        }
        long offset = Locations.offset(location);
        int length = Locations.length(location);
        if (length == Locations.LARGE) {
            byte[] prefix = new byte[4];
            Records.readFully(channel, prefix, 0, 4, offset);
            length = Codec.getInt(prefix, 0);
            if (length < Locations.LARGE) {
                throw new IOException("the delivery at offset " + offset + " says " + length + " bytes, less than its index");
            }
        }
        byte[] raw = new byte[length];
        if (length > window.length) {
            Records.readFully(channel, raw, 0, length, offset);
        } else {
            if (tag != windowTag || offset < windowStart || offset + length > windowStart + windowLength) {
                fill(tag, channel, offset);
                if (offset + length > windowStart + windowLength) {
                    throw new IOException("the delivery at offset " + offset + " (" + length
                            + " bytes) runs past the end of the file");
                }
            }
            System.arraycopy(window, (int) (offset - windowStart), raw, 0, length);
        }
        if (Codec.getInt(raw, 0) != length) {
            throw new IOException("the delivery at offset " + offset + " should be " + length
                    + " bytes long but says " + Codec.getInt(raw, 0));
        }
        return raw;
    }

    private void fill(int tag, FileChannel channel, long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(window);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                break;
            }
        }
        windowTag = tag;
        windowStart = offset;
        windowLength = buffer.position();
    }
}
