package io.culex.adapters.file.journal;

/**
 * Where a queued delivery's bytes are, packed into one non-negative {@code long}: bits 61-62 name the file
 * ({@link #SNAPSHOT}, or a journal by the parity of its generation), bits 38-60 hold the encoded length
 * ({@link #LARGE} when it does not fit: then it is read from the delivery's own length prefix), bits 0-37 the
 * byte offset (files up to 256 GiB).
 */
final class Locations {

    static final int SNAPSHOT = 0;
    static final long MAX_OFFSET = (1L << 38) - 1;
    static final int LARGE = (1 << 23) - 1;

    private Locations() {
    }

    /** The file tag of the journal of a generation: generations in use at once differ in parity. */
    static int journalTag(long generation) {
        return 2 | (int) (generation & 1);
    }

    static long pack(int tag, long offset, int length) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("file offset " + offset + " beyond 256 GiB");
        }
        return (long) tag << 61 | (long) Math.min(length, LARGE) << 38 | offset;
    }

    static int tag(long location) {
        return (int) (location >>> 61);
    }

    static long offset(long location) {
        return location & MAX_OFFSET;
    }

    /** The encoded length, or {@link #LARGE} when it has to be read from the file. */
    static int length(long location) {
        return (int) (location >>> 38) & LARGE;
    }
}
