package io.culex.bootstrap.tools.passwd;

import io.culex.application.security.password.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads the command line exactly as mosquitto_passwd 2.0 does, with its checks, order and messages. */
final class PasswdCommandLine {

    static final String USAGE = """
            culex passwd is a tool for managing password files for mosquitto and culex.

            Usage: culex passwd [-H sha512 | -H sha512-pbkdf2 | -H scram-sha-256] [-I iterations] [-c | -D] \
            passwordfile username
                   culex passwd [-H sha512 | -H sha512-pbkdf2 | -H scram-sha-256] [-I iterations] [-c] -b \
            passwordfile username password
                   culex passwd -U passwordfile
             -b : run in batch mode to allow passing passwords on the command line.
             -c : create a new password file. This will overwrite existing files.
             -D : delete the username rather than adding/updating its password.
             -H : specify the hashing algorithm. Defaults to sha512-pbkdf2, which is recommended.
                  Mosquitto 1.6 and earlier defaulted to sha512.
                  scram-sha-256 (Culex only; Mosquitto cannot read it) also serves MQTT 5
                  SCRAM-SHA-256 authentication, and plain passwords like the others.
             -I : number of sha512-pbkdf2 iterations. Defaults to 101.
                  For scram-sha-256: at least 4096, which is the default.
             -U : update a plain text password file to use hashed passwords.

            See https://mosquitto.org/ for more information.

            """;

    /** Mosquitto's limit, in bytes, on usernames and passwords. */
    private static final int MAX_LENGTH = 65535;

    private PasswdCommandLine() {
    }

    static PasswdCommand parse(String[] args) throws PasswdFailure {
        if (args.length == 0) {
            throw PasswdFailure.usage();
        }
        HashAlgorithm algorithm = HashAlgorithm.SHA512_PBKDF2;
        Integer iterationsGiven = null;
        boolean batch = false;
        boolean create = false;
        boolean delete = false;
        boolean convert = false;
        int idx = 0;
        // Options come first; the first argument that is not one starts the positional arguments.
        for (; idx < args.length; idx++) {
            String arg = args[idx];
            if (arg.equals("-H")) {
                String name = valueOf(args, idx++, "-H");
                algorithm = HashAlgorithm.byOptionName(name)
                        .orElseThrow(() -> PasswdFailure.error("Error: Unknown hash type '" + name + "'"));
            } else if (arg.equals("-I")) {
                iterationsGiven = atoi(valueOf(args, idx++, "-I"));
                if (iterationsGiven < 1) {
                    throw PasswdFailure.error("Error: Number of iterations must be > 0.");
                }
            } else if (arg.equals("-b")) {
                batch = true;
            } else if (arg.equals("-c")) {
                create = true;
            } else if (arg.equals("-D")) {
                delete = true;
            } else if (arg.equals("-U")) {
                convert = true;
            } else {
                break;
            }
        }
        int iterations = iterations(algorithm, iterationsGiven);
        exclusive(create, delete, "-c and -D");
        exclusive(create, convert, "-c and -U");
        exclusive(delete, convert, "-D and -U");
        exclusive(delete, batch, "-b and -D");

        int positional = args.length - idx;
        PasswdCommand.Mode mode;
        if (create) {
            mode = PasswdCommand.Mode.CREATE;
            if (batch && positional < 3) {
                throw PasswdFailure.error(
                        "Error: -c argument given but password file, username, or password missing.");
            } else if (positional < 2) {
                throw PasswdFailure.error("Error: -c argument given but password file or username missing.");
            }
        } else if (delete) {
            mode = PasswdCommand.Mode.DELETE;
            if (positional < 2) {
                throw PasswdFailure.error("Error: -D argument given but password file or username missing.");
            }
        } else if (convert) {
            if (positional != 1) {
                throw PasswdFailure.error("Error: -U argument given but password file missing.");
            }
            return new PasswdCommand(PasswdCommand.Mode.CONVERT, algorithm, iterations, args[idx], Optional.empty(),
                    Optional.empty());
        } else if (positional == (batch ? 3 : 2)) {
            mode = PasswdCommand.Mode.SET;
        } else {
            throw PasswdFailure.usage();
        }
        String username = checkUsername(args[idx + 1]);
        Optional<String> password = batch ? Optional.of(checkPassword(args[idx + 2])) : Optional.empty();
        return new PasswdCommand(mode, algorithm, iterations, args[idx], Optional.of(username), password);
    }

    /** Without -I, the algorithm's default; SCRAM-SHA-256 refuses fewer than RFC 7677's 4096 rounds. */
    private static int iterations(HashAlgorithm algorithm, Integer given) throws PasswdFailure {
        if (given == null) {
            return algorithm.defaultIterations();
        }
        if (given < algorithm.minimumIterations()) {
            throw PasswdFailure.error("Error: Number of iterations must be at least " + algorithm.minimumIterations()
                    + " for " + algorithm.optionName() + ".");
        }
        return given;
    }

    private static String valueOf(String[] args, int optionIndex, String option) throws PasswdFailure {
        if (optionIndex + 1 == args.length) {
            throw PasswdFailure.error("Error: " + option + " argument given but not enough other arguments.");
        }
        return args[optionIndex + 1];
    }

    private static void exclusive(boolean first, boolean second, String options) throws PasswdFailure {
        if (first && second) {
            throw PasswdFailure.error("Error: " + options + " cannot be used together.");
        }
    }

    /** C's atoi, which mosquitto_passwd uses: leading digits count ("5x" is 5), anything else or overflow is 0. */
    static int atoi(String text) {
        String s = text.stripLeading();
        int i = !s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
        long value = 0;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            value = value * 10 + (s.charAt(i) - '0');
            if (value > Integer.MAX_VALUE) {
                return 0;
            }
        }
        return s.startsWith("-") ? (int) -value : (int) value;
    }

    private static String checkUsername(String username) throws PasswdFailure {
        // An empty name would write a ":hash" line that the broker and this tool then reject.
        if (username.isEmpty()) {
            throw PasswdFailure.error("Error: Username must not be empty.");
        }
        if (username.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw PasswdFailure.error("Error: Username must be less than 65536 characters long.");
        }
        if (username.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw PasswdFailure.error("Error: Username must not contain control characters.");
        }
        if (username.indexOf(':') >= 0) {
            throw PasswdFailure.error("Error: Username must not contain the ':' character.");
        }
        return username;
    }

    private static String checkPassword(String password) throws PasswdFailure {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw PasswdFailure.error("Error: Password must be less than 65536 characters long.");
        }
        return password;
    }
}
