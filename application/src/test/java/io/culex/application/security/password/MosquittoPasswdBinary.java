package io.culex.application.security.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's mosquitto_passwd (package mosquitto), run as the reference for the hash formats. */
final class MosquittoPasswdBinary {

    private static final long TIMEOUT_SECONDS = 30;

    private final Path executable;

    private MosquittoPasswdBinary(Path executable) {
        this.executable = executable;
    }

    /** Skips the test locally when the binary is missing; with CI set, fails so interop is never silently lost. */
    static MosquittoPasswdBinary require() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = dir.isEmpty() ? null : Path.of(dir, "mosquitto_passwd");
            if (candidate != null && Files.isExecutable(candidate)) {
                return new MosquittoPasswdBinary(candidate);
            }
        }
        String message = "mosquitto_passwd not found on PATH; install the Debian package 'mosquitto'";
        if (System.getenv("CI") != null) {
            fail("CI is set but " + message);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    /** Runs {@code mosquitto_passwd args...} and requires exit code 0. */
    void run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        byte[] output;
        try {
            output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                fail(command + " still running after " + TIMEOUT_SECONDS + " s");
            }
        } finally {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), () -> command + ": " + new String(output, StandardCharsets.UTF_8));
    }
}
