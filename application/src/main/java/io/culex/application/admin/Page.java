package io.culex.application.admin;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param page  0-based page number
 * @param size  the page size asked for
 * @param total items in the whole list (after filtering)
 */
public record Page<T>(List<T> items, int page, int size, int total) {

    public static final int MAX_SIZE = 1000;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * The {@code page}-th slice of {@code size} of {@code all}.
     *
     * @throws IllegalArgumentException for a negative page or a size outside 1..{@link #MAX_SIZE}
     */
    public static <T> Page<T> of(List<T> all, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + ", got " + size);
        }
        long from = Math.min((long) page * size, all.size());
        int to = (int) Math.min(from + size, all.size());
        return new Page<>(all.subList((int) from, to), page, size, all.size());
    }
}
