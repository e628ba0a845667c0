package io.culex.application.admin;

/** One client and its session. */
public record ClientDetail(ClientSummary client, SessionState session) {
}
