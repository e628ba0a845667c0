package io.culex.bootstrap.tools.client;

/** Where pub and rr take the payload from: -m, -f, -l, -s or -n. */
enum MessageSource {
    NONE,
    ARGUMENT,
    FILE,
    STDIN_LINES,
    STDIN_WHOLE,
    NULL_MESSAGE
}
