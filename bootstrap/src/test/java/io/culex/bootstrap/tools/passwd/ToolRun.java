package io.culex.bootstrap.tools.passwd;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@code culex passwd}, with stdin given and stdout/stderr captured. */
record ToolRun(int exitCode, String stdout, String stderr) {

    static ToolRun withStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PasswdTool tool = new PasswdTool(null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exitCode = tool.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new ToolRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static ToolRun passwd(String... args) {
        return withStdin("", args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr;
    }
}
