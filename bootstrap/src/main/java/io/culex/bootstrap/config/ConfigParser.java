package io.culex.bootstrap.config;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Reads a mosquitto.conf file (Mosquitto 2.0 syntax, see mosquitto.conf(5)) into a {@link BrokerConfig}.
 * Stops at the first problem with a {@link ConfigException} naming the file, line and key, as Mosquitto
 * refuses to start on any.
 */
public final class ConfigParser {

    private static final Logger LOG = Logger.getLogger(ConfigParser.class.getName());
    private static final String INCLUDE_DIR = "include_dir";

    private ConfigParser() {
    }

    public static BrokerConfig parse(Path file) throws ConfigException, IOException {
        return parse(ConfigFiles.readMainFile(file), file.toString());
    }

    /** @param sourceName what error messages call the text, usually its file name */
    public static BrokerConfig parse(String text, String sourceName) throws ConfigException {
        BrokerConfigBuilder config = new BrokerConfigBuilder();
        read(text, sourceName, config, true);
        config.listeners().finish();
        config.bridges().finish(LocalHostName::get);
        return config.build();
    }

    private static void read(String text, String sourceName, BrokerConfigBuilder config, boolean mainFile)
            throws ConfigException {
        for (ConfigLine line : ConfigLineReader.read(text, sourceName)) {
            if (line.key().equals(INCLUDE_DIR)) {
                includeDirectory(line, config, mainFile);
            } else {
                ConfigKeys.handlerFor(line.key())
                        .orElseThrow(() -> line.error("unknown configuration key"))
                        .apply(line, config);
            }
        }
    }

    /** Reads the directory's *.conf files as if their lines stood here. */
    private static void includeDirectory(ConfigLine line, BrokerConfigBuilder config, boolean mainFile)
            throws ConfigException {
        if (!mainFile) {
            // Mosquitto 2.0 follows include_dir in the main file only and silently skips nested ones.
            LOG.warning(line.location() + ": include_dir ignored: only the main configuration file may include");
            return;
        }
        for (Path file : ConfigFiles.includedFiles(line, directoryOf(line))) {
            read(ConfigFiles.readIncludedFile(line, file), file.toString(), config, false);
        }
    }

    private static Path directoryOf(ConfigLine line) throws ConfigException {
        String directory = line.text("a directory");
        try {
            return Path.of(directory);
        } catch (InvalidPathException e) {
            throw line.expected("a directory");
        }
    }
}
