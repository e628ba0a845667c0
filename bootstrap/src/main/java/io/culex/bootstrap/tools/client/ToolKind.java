package io.culex.bootstrap.tools.client;

/** Which of the three client tools is running: decides the flags accepted and the usage text. */
enum ToolKind {
    PUB("pub"),
    SUB("sub"),
    RR("rr");

    private final String name;

    ToolKind(String name) {
        this.name = name;
    }

    /** The command as the user typed it, for messages: "culex pub". */
    String command() {
        return "culex " + name;
    }
}
