package io.culex.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.culex.bootstrap.tools.bench.BenchTool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process {@code culex bench ... --json} run against a broker on 127.0.0.1, with its JSON figures. */
final class BenchRun {

    private final String[] args;
    private final int exitCode;
    private final String stdout;
    private final String stderr;

    private BenchRun(String[] args, int exitCode, String stdout, String stderr) {
        this.args = args;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Runs {@code culex bench <args> -h 127.0.0.1 -p port --json --threads 1}. */
    static BenchRun against(int port, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "--json", "--threads", "1"));
        String[] command = all.toArray(String[]::new);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = new BenchTool().run(command, stdout, stderr);
        }
        return new BenchRun(command, code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Exit 0 and "ok": true, or the whole output in the failure message. */
    BenchRun assertSucceeded() {
        assertEquals(0, exitCode, this::toString);
        assertEquals("true", raw("ok"), this::toString);
        return this;
    }

    long count(String key) {
        return Long.parseLong(raw(key));
    }

    double measure(String key) {
        return Double.parseDouble(raw(key));
    }

    private String raw(String key) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(key) + "\":(-?[0-9.Ee+-]+|true|false|null)")
                .matcher(stdout);
        if (!matcher.find()) {
            fail("no \"" + key + "\" in " + this);
        }
        return matcher.group(1);
    }

    @Override
    public String toString() {
        return "culex bench " + String.join(" ", args) + " exited " + exitCode + "\n  stdout: " + stdout
                + "\n  stderr: " + stderr;
    }
}
