package io.culex.domain.session;

/**
 * Hands out packet identifiers 1..65535 round-robin, skipping ids still in use, so a re-used id
 * never collides with an unacknowledged flight. The caller releases an id when its flow ends.
 *
 * <p>The ids in use are a bitmap, split into pages allocated only while they hold an id: flights take
 * consecutive ids, so a session usually has one or two pages (128 bytes each) and an idle one none.
 * Finding the next free id tests a word of 64 ids at a time, with no boxing and no map lookup.
 */
public final class PacketIdAllocator {

    public static final int MAX_PACKET_ID = 65_535;

    private static final int IDS_PER_PAGE = 1_024;
    private static final int PAGE_SHIFT = 10;
    private static final int WORDS_PER_PAGE = IDS_PER_PAGE / Long.SIZE;
    private static final int PAGES = (MAX_PACKET_ID + 1) / IDS_PER_PAGE;

    /** Null while no id is in use; a page is null while none of its ids is. */
    private long[][] pages;
    private int inUse;
    private int last;

    /**
     * @return the next free id after the last one handed out, now in use
     * @throws IllegalStateException if all 65535 ids are in use
     */
    public int next() {
        if (inUse == MAX_PACKET_ID) {
            throw new IllegalStateException("all " + MAX_PACKET_ID + " packet identifiers are in use");
        }
        int id = last;
        while (true) {
            id = id == MAX_PACKET_ID ? 1 : id + 1;
            long[] page = pages == null ? null : pages[id >>> PAGE_SHIFT];
            if (page == null) {
                break; // none of this page's ids is in use
            }
            long freeFromId = ~page[wordIndex(id)] >>> (id & 63);
            if (freeFromId != 0) {
                id += Long.numberOfTrailingZeros(freeFromId); // stays in this word, so at most 65535
                break;
            }
            id |= 63; // every id up to the end of the word is taken: continue with the next word
        }
        claim(id);
        last = id;
        return id;
    }

    /** Marks an id as in use without handing it out, e.g. a flight restored from a store. */
    public void claim(int id) {
        checkRange(id);
        if (pages == null) {
            pages = new long[PAGES][];
        }
        int pageIndex = id >>> PAGE_SHIFT;
        long[] page = pages[pageIndex];
        if (page == null) {
            page = new long[WORDS_PER_PAGE];
            pages[pageIndex] = page;
        }
        long bit = 1L << (id & 63);
        int word = wordIndex(id);
        if ((page[word] & bit) == 0) {
            page[word] |= bit;
            inUse++;
        }
    }

    /** Frees an id whose flow ended; freeing an id not in use changes nothing. */
    public void release(int id) {
        checkRange(id);
        int pageIndex = id >>> PAGE_SHIFT;
        long[] page = pages == null ? null : pages[pageIndex];
        long bit = 1L << (id & 63);
        int word = wordIndex(id);
        if (page == null || (page[word] & bit) == 0) {
            return;
        }
        page[word] &= ~bit;
        inUse--;
        if (inUse == 0) {
            pages = null;
        } else if (page[word] == 0 && isEmpty(page)) {
            pages[pageIndex] = null;
        }
    }

    private static boolean isEmpty(long[] page) {
        for (long word : page) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    public boolean isInUse(int id) {
        checkRange(id);
        long[] page = pages == null ? null : pages[id >>> PAGE_SHIFT];
        return page != null && (page[wordIndex(id)] & (1L << (id & 63))) != 0;
    }

    public int inUseCount() {
        return inUse;
    }

    private static int wordIndex(int id) {
        return (id >>> 6) & (WORDS_PER_PAGE - 1);
    }

    private static void checkRange(int id) {
        if (id < 1 || id > MAX_PACKET_ID) {
            throw new IllegalArgumentException("packet identifier " + id + " is outside 1.." + MAX_PACKET_ID);
        }
    }
}
