package io.culex.bootstrap.tools.passwd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads and replaces password files. A write goes to a temporary file beside the target, is synced, then
 * renamed over it, so a crash leaves the old file or the new one, never half of either.
 */
final class PasswordFileStore {

    /** Owner read/write: what a new password file gets. */
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    /** The most an existing file keeps: group read stays so a broker running under a group can still read it. */
    private static final Set<PosixFilePermission> MOST_KEPT = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);

    private final boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /** The file's text; must be UTF-8. */
    String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Replaces (or creates) {@code file}, following a symbolic link to the file it names, as mosquitto_passwd does. */
    void write(Path file, String text) throws IOException {
        Path target = Files.exists(file) ? file.toRealPath() : file.toAbsolutePath();
        Path dir = target.getParent();
        if (Files.isDirectory(target)) {
            throw new FileSystemException(target.toString(), null, "Is a directory");
        }
        Path temp = posix
                ? Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            if (posix && Files.exists(target)) {
                keepOwnershipAndTightenMode(target, temp);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The renamed file would otherwise belong to whoever ran the tool (say root:root, unreadable by a
     * broker in group mosquitto). Owner and group are copied where allowed; the mode keeps at most 0640.
     */
    private static void keepOwnershipAndTightenMode(Path target, Path temp) throws IOException {
        PosixFileAttributes existing = Files.readAttributes(target, PosixFileAttributes.class);
        Set<PosixFilePermission> mode = EnumSet.copyOf(OWNER_ONLY);
        existing.permissions().stream().filter(MOST_KEPT::contains).forEach(mode::add);
        PosixFileAttributeView view =
                Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        try {
            view.setOwner(existing.owner());
        } catch (IOException e) {
            // Only root may give a file away; the file then belongs to the user running the tool.
        }
        try {
            view.setGroup(existing.group());
        } catch (IOException e) {
            // Allowed only for a group the user belongs to.
        }
        view.setPermissions(mode);
    }

    /** The path as mosquitto_passwd prints it: resolved when it exists, else as given. */
    static String displayName(String file) {
        try {
            Path path = Path.of(file);
            return Files.exists(path) ? path.toRealPath().toString() : file;
        } catch (IOException | RuntimeException e) {
            return file;
        }
    }

    /** The strerror text mosquitto_passwd would print for the same failure. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof CharacterCodingException) {
            return "Not UTF-8 text";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
