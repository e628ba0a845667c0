package io.culex.bootstrap.security;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import io.culex.application.security.acl.AclAuthorizer;
import io.culex.application.security.acl.AclFile;
import io.culex.application.security.acl.AclFileParser;
import io.culex.domain.port.Authorizer;
import io.culex.domain.security.AclRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code acl_file}: reads and parses the file at start-up (any problem stops the start-up, as in Mosquitto)
 * and again on SIGHUP, where a file that cannot be read or has a bad line keeps the rules in force and logs why.
 * Without {@code acl_file} every client may do everything ({@link Authorizer#ALLOW_ALL}).
 */
public final class AclFileLoader {

    private static final System.Logger LOG = System.getLogger("io.culex");

    private final String path;
    private final Authorizer authorizer;
    private final AclAuthorizer acl;

    private AclFileLoader(String path, Authorizer authorizer, AclAuthorizer acl) {
        this.path = path;
        this.authorizer = authorizer;
        this.acl = acl;
    }

    /**
     * @param path acl_file, or null
     * @throws AclFileException when the file cannot be read or has a bad line
     */
    public static AclFileLoader configure(String path) {
        if (path == null) {
            return new AclFileLoader(null, Authorizer.ALLOW_ALL, null);
        }
        AclAuthorizer acl = new AclAuthorizer(read(path));
        return new AclFileLoader(path, acl, acl);
    }

    /** The authorizer to give the broker. */
    public Authorizer authorizer() {
        return authorizer;
    }

    /**
     * SIGHUP: reads the file again; connected clients follow the new rules from their next check.
     *
     * @return true when new rules are in force, false without acl_file or when the file was refused
     */
    public boolean reload() {
        if (acl == null) {
            return false;
        }
        try {
            AclRules rules = read(path);
            acl.replace(rules);
            LOG.log(INFO, () -> "Reloaded acl_file \"" + path + "\" (" + rules.size() + " rules).");
            return true;
        } catch (AclFileException e) {
            LOG.log(ERROR, () -> "Error: " + e.getMessage() + " Keeping the previous " + acl.rules().size() + " rules.");
            return false;
        }
    }

    private static AclRules read(String path) {
        String text;
        try {
            text = new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new AclFileException("Unable to open acl_file \"" + path + "\": " + describe(e) + ".", e);
        }
        AclFile file = AclFileParser.parse(text);
        file.warnings().forEach(warning ->
                LOG.log(WARNING, () -> "Warning: acl_file \"" + path + "\" " + warning + "."));
        if (!file.valid()) {
            throw new AclFileException("Invalid acl_file \"" + path + "\": " + file.describeErrors() + ".");
        }
        return file.rules();
    }

    private static String describe(Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
