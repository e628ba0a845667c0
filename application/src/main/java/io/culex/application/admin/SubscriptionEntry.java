package io.culex.application.admin;

import io.culex.domain.topic.Subscription;

/** One subscription of one session. */
public record SubscriptionEntry(String clientId, Subscription subscription) {
}
