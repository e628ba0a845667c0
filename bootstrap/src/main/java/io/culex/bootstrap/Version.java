package io.culex.bootstrap;

/** The broker's version, from the jar manifest when run from the shaded jar. */
final class Version {

    private Version() {
    }

    static String current() {
        String fromManifest = Version.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "development";
    }
}
