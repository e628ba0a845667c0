package io.culex.bootstrap.tools.passwd;

import io.culex.application.security.password.HashAlgorithm;
import java.util.Optional;

/**
 * A checked {@code culex passwd} command line.
 *
 * @param username absent for {@link Mode#CONVERT}
 * @param password present only in batch mode ({@code -b}); otherwise it is prompted for
 */
record PasswdCommand(Mode mode, HashAlgorithm algorithm, int iterations, String file, Optional<String> username,
        Optional<String> password) {

    enum Mode {
        /** {@code -c}: a new file holding just this user. */
        CREATE,
        /** Add the user, or replace its password. */
        SET,
        /** {@code -D}. */
        DELETE,
        /** {@code -U}: hash the plain-text passwords of a file. */
        CONVERT
    }
}
