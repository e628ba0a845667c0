package io.culex.bootstrap.tools.client;

import java.io.OutputStream;
import java.io.PrintStream;

/** Parses a tool's arguments and reports a bad command line the way mosquitto's tools do. */
final class CommandLines {

    private CommandLines() {
    }

    /** @throws ToolExit with code 1 after printing the error (or the usage for --help, which mosquitto also ends with 1) */
    static ClientConfig parse(ToolKind kind, String[] args, PrintStream out, PrintStream err) throws ToolExit {
        try {
            return ArgsParser.parse(kind, args);
        } catch (ArgsParser.HelpRequested e) {
            out.println(Usage.of(kind));
        } catch (UsageException e) {
            err.print(e.printed());
            if (e.hint() == UsageException.Hint.POINTER) {
                err.println();
                err.println("Use '" + kind.command() + " --help' to see usage.");
            } else if (e.hint() == UsageException.Hint.FULL_USAGE) {
                out.println(Usage.of(kind));
            }
        }
        throw new ToolExit(1);
    }

    /** Where errors go once the command line is accepted: nowhere with --quiet. */
    static PrintStream errors(ClientConfig config, PrintStream err) {
        return config.quiet ? new PrintStream(OutputStream.nullOutputStream()) : err;
    }
}
