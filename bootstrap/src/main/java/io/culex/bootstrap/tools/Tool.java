package io.culex.bootstrap.tools;

import java.io.PrintStream;

/** A command-line tool shipped in the broker's jar ({@code culex pub ...}), like Mosquitto's clients. */
public interface Tool {

    /**
     * @param args the arguments after the tool's name
     * @return the process exit code, with Mosquitto's tools' meanings
     */
    int run(String[] args, PrintStream out, PrintStream err);
}
