package io.culex.bootstrap.tools.passwd;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Asks for a password twice, as mosquitto_passwd does: from the terminal without echo when there is one,
 * otherwise one line of standard input per prompt (so scripts and tests can pipe the answers in).
 */
final class PasswordPrompt {

    private final Console console;
    private final InputStream stdin;
    /** Created on first use and kept, so that buffering cannot swallow the second answer. */
    private BufferedReader lines;

    PasswordPrompt(Console console, InputStream stdin) {
        this.console = console;
        this.stdin = stdin;
    }

    String askTwice(PrintStream out) throws PasswdFailure {
        String password = ask("Password: ", out);
        String again = ask("Reenter password: ", out);
        if (!password.equals(again)) {
            throw PasswdFailure.error(2, "Error: Passwords do not match.");
        }
        return password;
    }

    private String ask(String prompt, PrintStream out) throws PasswdFailure {
        String answer;
        if (console != null) {
            // readPassword ends the line itself once echo is back on.
            char[] typed = console.readPassword("%s", prompt);
            answer = typed == null ? null : new String(typed);
        } else {
            out.print(prompt);
            out.flush();
            answer = readLine();
            if (answer != null && !answer.isEmpty()) {
                out.print("\n");   // mosquitto_passwd ends the prompt line only after a non-empty answer
            }
        }
        if (answer == null || answer.isEmpty()) {
            throw PasswdFailure.error("Error: Empty password.");
        }
        return answer;
    }

    private String readLine() throws PasswdFailure {
        try {
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
            }
            return lines.readLine();
        } catch (IOException e) {
            throw PasswdFailure.error("Error: Unable to read password. " + e.getMessage() + ".");
        }
    }
}
