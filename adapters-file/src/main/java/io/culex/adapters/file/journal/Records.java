package io.culex.adapters.file.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * File headers and record framing shared by the journal and the snapshot (see the package documentation).
 */
final class Records {

    static final int FILE_HEADER_SIZE = 32;
    static final int FORMAT_VERSION = 1;
    static final byte[] JOURNAL_MAGIC = "CULXJRNL".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SNAPSHOT_MAGIC = "CULXSNAP".getBytes(StandardCharsets.US_ASCII);

    static final int RECORD_MAGIC = 0x43585231; // "CXR1"
    static final int RECORD_HEADER_SIZE = 12;

    private Records() {
    }

    static byte[] fileHeader(byte[] magic, long generation) {
        byte[] header = new byte[FILE_HEADER_SIZE];
        System.arraycopy(magic, 0, header, 0, 8);
        Codec.putInt(header, 8, FORMAT_VERSION);
        for (int i = 0; i < 8; i++) {
            header[16 + i] = (byte) (generation >>> (56 - 8 * i));
        }
        Codec.putInt(header, 24, crc(header, 0, 24));
        return header;
    }

    /** The generation in a file header, or an explanation of what is wrong with it (thrown by the caller). */
    static long readGeneration(FileChannel channel, byte[] magic) throws IOException, BadFileException {
        byte[] header = new byte[FILE_HEADER_SIZE];
        ByteBuffer buffer = ByteBuffer.wrap(header);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
            // fill
        }
        if (buffer.hasRemaining()) {
            throw new BadFileException("the header is cut short (" + buffer.position() + " of "
                    + FILE_HEADER_SIZE + " bytes)");
        }
        if (!Arrays.equals(header, 0, 8, magic, 0, 8)) {
            throw new BadFileException("it does not start with " + new String(magic, StandardCharsets.US_ASCII)
                    + ": not a Culex file store file");
        }
        if (Codec.getInt(header, 24) != crc(header, 0, 24)) {
            throw new BadFileException("its header fails its checksum");
        }
        int version = Codec.getInt(header, 8);
        if (version != FORMAT_VERSION) {
            throw new BadFileException("format version " + version + " is not supported (this Culex reads "
                    + FORMAT_VERSION + ")");
        }
        long generation = 0;
        for (int i = 0; i < 8; i++) {
            generation = generation << 8 | (header[16 + i] & 0xFF);
        }
        return generation;
    }

    /** A file header or record that is not what was written. */
    static final class BadFileException extends Exception {
        private static final long serialVersionUID = 1L;

        BadFileException(String message) {
            super(message);
        }
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Starts a record in {@code out}: reserves its header, writes the version byte and a count to fill in. */
    static void begin(Codec.Output out) {
        out.reset();
        out.i32(0);
        out.i32(0);
        out.i32(0);
        out.u8(Codec.RECORD_VERSION);
        out.i32(0);
    }

    /** Offset in the record of the operation count written by {@link #begin}. */
    static final int COUNT_OFFSET = RECORD_HEADER_SIZE + 1;
    /** Offset in the record of its first operation. */
    static final int FIRST_OPERATION = COUNT_OFFSET + 4;

    /** Fills in the header of the record in {@code out}: magic, body length, CRC32C of length and body. */
    static void seal(Codec.Output out, int operationCount) {
        out.putInt(COUNT_OFFSET, operationCount);
        out.putInt(0, RECORD_MAGIC);
        out.putInt(4, out.length - RECORD_HEADER_SIZE);
        out.putInt(8, recordCrc(out.buffer, 0, out.length - RECORD_HEADER_SIZE));
    }

    /** CRC32C of a record's length field and body, for the record starting at {@code start}. */
    static int recordCrc(byte[] bytes, int start, int bodyLength) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, start + 4, 4);
        crc.update(bytes, start + RECORD_HEADER_SIZE, bodyLength);
        return (int) crc.getValue();
    }

    static void writeFully(FileChannel channel, byte[] bytes, int length, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** Reads exactly {@code length} bytes at {@code position}, or fails at the end of the file. */
    static void readFully(FileChannel channel, byte[] into, int offset, int length, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(into, offset, length);
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("unexpected end of file at offset " + at);
            }
            at += read;
        }
    }

    /**
     * Reads the records of a file in order through a window, checking each. After {@link #next} returns
     * {@code true}, the record's body is {@code window[bodyStart, bodyEnd)}, and file offset = window index +
     * {@link #windowStart}.
     */
    static final class Reader {
        private final FileChannel channel;
        final long size;
        byte[] window = new byte[1 << 20];
        long windowStart;
        int windowLength;
        /** Offset of the record {@link #next} looked at last. */
        long recordOffset;
        int bodyStart;
        int bodyEnd;
        /** Why {@link #next} returned false, when it was not the clean end of the file. */
        String problem;
        private boolean current;

        Reader(FileChannel channel, long start, long size) {
            this.channel = channel;
            this.size = size;
            this.recordOffset = start;
            this.windowStart = start;
        }

        /** Where the next record starts (the end of the valid ones so far). */
        long position() {
            return recordOffset;
        }

        /** Makes {@code [position, position + count)} visible in the window; false if the file is shorter. */
        private boolean ensure(long position, int count) throws IOException {
            if (position >= windowStart && position + count <= windowStart + windowLength) {
                return true;
            }
            if (position + count > size) {
                return false;
            }
            if (count > window.length) {
                window = new byte[count];
            }
            int want = (int) Math.min(window.length, size - position);
            ByteBuffer buffer = ByteBuffer.wrap(window, 0, want);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, position + buffer.position()) < 0) {
                    break;
                }
            }
            windowStart = position;
            windowLength = buffer.position();
            return position + count <= windowStart + windowLength;
        }

        /** Moves to the next record: true if there is a valid one, false at the end or at a bad one ({@link #problem}). */
        boolean next() throws IOException {
            if (current) {
                recordOffset = windowStart + bodyEnd;
                current = false;
            }
            problem = null;
            long at = recordOffset;
            if (at == size) {
                return false;
            }
            problem = check(at);
            if (problem != null) {
                return false;
            }
            bodyStart = (int) (at - windowStart) + RECORD_HEADER_SIZE;
            bodyEnd = bodyStart + Codec.getInt(window, (int) (at - windowStart) + 4);
            current = true;
            return true;
        }

        /** Null if a valid record starts at {@code at} (then it is in the window), else what is wrong. */
        private String check(long at) throws IOException {
            if (!ensure(at, RECORD_HEADER_SIZE)) {
                return "a record header cut short (" + (size - at) + " bytes before the end of the file)";
            }
            int index = (int) (at - windowStart);
            if (Codec.getInt(window, index) != RECORD_MAGIC) {
                return "no record marker";
            }
            int length = Codec.getInt(window, index + 4);
            if (length <= 0) {
                return "a record length of " + length;
            }
            if (at + RECORD_HEADER_SIZE + length > size) {
                return "a record of " + length + " bytes running past the end of the file";
            }
            if (!ensure(at, RECORD_HEADER_SIZE + length)) {
                return "a record cut short";
            }
            index = (int) (at - windowStart);
            if (Codec.getInt(window, index + 8) != recordCrc(window, index, length)) {
                return "a record that fails its checksum";
            }
            return null;
        }

        /** Whether a valid record starts anywhere after {@code from}: then a bad record there is no torn tail. */
        boolean validRecordAfter(long from) throws IOException {
            return nextValidRecord(from) >= 0;
        }

        /**
         * Where the first record after {@code from} that starts with the marker and passes its checksum begins,
         * or -1 if there is none: how a reader resynchronises past damaged bytes.
         */
        long nextValidRecord(long from) throws IOException {
            for (long at = from + 1; at + RECORD_HEADER_SIZE <= size; at++) {
                if (!ensure(at, RECORD_HEADER_SIZE)) {
                    return -1;
                }
                if (Codec.getInt(window, (int) (at - windowStart)) == RECORD_MAGIC && check(at) == null) {
                    return at;
                }
            }
            return -1;
        }

        /** Continues reading at {@code offset} (a record found by {@link #nextValidRecord}). */
        void skipTo(long offset) {
            recordOffset = offset;
            current = false;
            problem = null;
        }

        /**
         * The operation count in the header of the (damaged) record at {@code at}, when its marker is there and
         * its length keeps it inside the file; else -1. The count itself is not checked (it may be damaged too).
         */
        int claimedCount(long at) throws IOException {
            if (!ensure(at, FIRST_OPERATION)) {
                return -1;
            }
            int index = (int) (at - windowStart);
            int length = Codec.getInt(window, index + 4);
            if (Codec.getInt(window, index) != RECORD_MAGIC || length < FIRST_OPERATION - RECORD_HEADER_SIZE
                    || at + RECORD_HEADER_SIZE + length > size) {
                return -1;
            }
            return Codec.getInt(window, index + COUNT_OFFSET);
        }

        /** Whether every byte of {@code [from, to)} is zero (a zero-filled region, as a lost page leaves). */
        boolean zeroFilled(long from, long to) throws IOException {
            for (long at = from; at < to; ) {
                int chunk = (int) Math.min(window.length, to - at);
                if (!ensure(at, chunk)) {
                    return false;
                }
                int index = (int) (at - windowStart);
                for (int i = 0; i < chunk; i++) {
                    if (window[index + i] != 0) {
                        return false;
                    }
                }
                at += chunk;
            }
            return true;
        }
    }
}
