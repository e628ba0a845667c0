package io.culex.bootstrap.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File system access for configuration: the main file, and the files an {@code include_dir} line pulls in. */
final class ConfigFiles {

    private static final String CONF_SUFFIX = ".conf";

    private ConfigFiles() {
    }

    static String readMainFile(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IOException("cannot read configuration file '" + file + "': " + reason(e), e);
        }
    }

    /** The {@code *.conf} files of {@code directory}, in the order Mosquitto 2.0 reads them. */
    static List<Path> includedFiles(ConfigLine includeLine, Path directory) throws ConfigException {
        if (!Files.isDirectory(directory)) {
            String problem = Files.exists(directory) ? "not a directory" : "no such directory";
            throw includeLine.error("cannot open directory '" + directory + "': " + problem);
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries
                    .filter(entry -> isConfFileName(entry.getFileName().toString()))
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString(), ConfigFiles::mosquittoOrder))
                    .toList();
        } catch (IOException e) {
            throw includeLine.error("cannot list directory '" + directory + "': " + reason(e));
        }
    }

    static String readIncludedFile(ConfigLine includeLine, Path file) throws ConfigException {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw includeLine.error("cannot read '" + file + "': " + reason(e));
        }
    }

    /** As Mosquitto: a name longer than ".conf" that ends with it (directories too: reading them then fails). */
    private static boolean isConfFileName(String name) {
        return name.length() > CONF_SUFFIX.length() && name.endsWith(CONF_SUFFIX);
    }

    /**
     * Mosquitto 2.0's include order (scmp_p in conf_includedir.c): character by character, ignoring
     * ASCII case first, then upper case before lower case. For all-lowercase names this is plain
     * lexical order; it differs for e.g. "a_b.conf" vs "ab.conf", where Mosquitto reads "ab.conf" first.
     */
    static int mosquittoOrder(String left, String right) {
        int common = Math.min(left.length(), right.length());
        for (int i = 0; i < common; i++) {
            char l = left.charAt(i);
            char r = right.charAt(i);
            int difference = asciiUpperCase(l) - asciiUpperCase(r);
            if (difference == 0) {
                difference = l - r;
            }
            if (difference != 0) {
                return difference;
            }
        }
        return left.length() - right.length();
    }

    private static char asciiUpperCase(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8 text";
        }
        if (e instanceof FileSystemException fileSystemException && fileSystemException.getReason() != null) {
            return fileSystemException.getReason();
        }
        return String.valueOf(e.getMessage());
    }
}
