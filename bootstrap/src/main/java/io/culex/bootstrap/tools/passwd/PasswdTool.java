package io.culex.bootstrap.tools.passwd;

import io.culex.application.security.password.PasswordHasher;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * {@code culex passwd}: manages Mosquitto password files with mosquitto_passwd's options, messages and exit codes.
 * It has the {@code Tool} shape without naming the interface: the registry refers to this package, so this
 * package referring back would make a package cycle.
 */
public final class PasswdTool {

    private final PasswordPrompt prompt;
    private final PasswordHasher hasher = new PasswordHasher();
    private final PasswordFileStore store = new PasswordFileStore();

    public PasswdTool() {
        this(System.console(), System.in);
    }

    /** @param console the terminal, or null to read answers as lines of {@code stdin} */
    PasswdTool(Console console, InputStream stdin) {
        this.prompt = new PasswordPrompt(console, stdin);
    }

    /** @return 0 on success, 1 on an error, 2 when the two passwords typed differ (as mosquitto_passwd) */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            PasswdCommand command = PasswdCommandLine.parse(args);
            execute(command, out);
            return 0;
        } catch (PasswdFailure failure) {
            if (failure.isUsage()) {
                out.print(PasswdCommandLine.USAGE);
            } else {
                err.println(failure.getMessage());
            }
            out.flush();
            return failure.exitCode();
        }
    }

    private void execute(PasswdCommand command, PrintStream out) throws PasswdFailure {
        switch (command.mode()) {
            case CREATE:
                create(command, out);
                break;
            case SET:
                set(command, out);
                break;
            case DELETE:
                update(command, PasswdFileEditor.delete(read(command), command.username().orElseThrow()));
                break;
            case CONVERT:
                update(command, PasswdFileEditor.convert(read(command), (user, plain) -> line(command, user, plain)));
                break;
            default:
                throw new IllegalStateException("unhandled mode " + command.mode());
        }
    }

    /** Like mosquitto_passwd: asks first, then writes a file holding only this user, whatever was there. */
    private void create(PasswdCommand command, PrintStream out) throws PasswdFailure {
        String line = line(command, command.username().orElseThrow(), password(command, out));
        write(command, line + "\n",
                "Error: Unable to open file " + PasswordFileStore.displayName(command.file()) + " for writing. ");
    }

    /** Like mosquitto_passwd: a missing file is reported before the password is asked for. */
    private void set(PasswdCommand command, PrintStream out) throws PasswdFailure {
        String text = read(command);
        String username = command.username().orElseThrow();
        String password = password(command, out);
        update(command, PasswdFileEditor.set(text, username, () -> line(command, username, password)));
    }

    private String password(PasswdCommand command, PrintStream out) throws PasswdFailure {
        return command.password().isPresent() ? command.password().get() : prompt.askTwice(out);
    }

    private String line(PasswdCommand command, String username, String password) {
        return username + ":" + hasher.hash(password, command.algorithm(), command.iterations()).encode();
    }

    private String read(PasswdCommand command) throws PasswdFailure {
        try {
            return store.read(path(command.file()));
        } catch (IOException e) {
            throw PasswdFailure.error("Error: Unable to open password file "
                    + PasswordFileStore.displayName(command.file()) + ". " + PasswordFileStore.reason(e) + ".");
        }
    }

    private void update(PasswdCommand command, String text) throws PasswdFailure {
        write(command, text,
                "Error occurred updating password file " + PasswordFileStore.displayName(command.file()) + ". ");
    }

    private void write(PasswdCommand command, String text, String errorPrefix) throws PasswdFailure {
        try {
            store.write(path(command.file()), text);
        } catch (IOException e) {
            throw PasswdFailure.error(errorPrefix + PasswordFileStore.reason(e) + ".");
        }
    }

    private static Path path(String file) throws PasswdFailure {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw PasswdFailure.error("Error: Unable to open password file " + file + ". " + e.getReason() + ".");
        }
    }
}
