package io.culex.domain.security;

/** The access word of an ACL line: {@code read}, {@code write}, {@code readwrite} (the default) or {@code deny}. */
public enum AclAccess {
    READ("read", true, false),
    WRITE("write", false, true),
    READWRITE("readwrite", true, true),
    /** Matches take precedence over every grant of the same list (user/anonymous rules, or patterns). */
    DENY("deny", false, false);

    private final String word;
    private final boolean read;
    private final boolean write;

    AclAccess(String word, boolean read, boolean write) {
        this.word = word;
        this.read = read;
        this.write = write;
    }

    /** The word in the ACL file. */
    public String word() {
        return word;
    }

    public boolean grantsRead() {
        return read;
    }

    public boolean grantsWrite() {
        return write;
    }

    /** @return the access spelled {@code word} (case-sensitive, as Mosquitto), or null */
    public static AclAccess fromWord(String word) {
        for (AclAccess access : values()) {
            if (access.word.equals(word)) {
                return access;
            }
        }
        return null;
    }
}
