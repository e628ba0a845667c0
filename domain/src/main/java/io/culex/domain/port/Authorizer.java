package io.culex.domain.port;

/**
 * Decides what an authenticated client may do with topics (Mosquitto's ACL check).
 * Asked once per CONNECT; the returned {@link Permissions} are then consulted on the hot path
 * (every PUBLISH received and every message delivered), so they must be cheap and thread-safe.
 */
public interface Authorizer {

    /** Every client may publish, subscribe and receive anything: the broker without an ACL. */
    Authorizer ALLOW_ALL = (clientId, username) -> Permissions.ALL;

    /**
     * @param clientId the client id after assignment (never empty)
     * @param username null when the client sent none
     */
    Permissions permissionsFor(String clientId, String username);

    /** One client's rights. Implementations follow rule reloads themselves. */
    interface Permissions {

        /** Allows everything. */
        Permissions ALL = new Permissions() {
            @Override
            public boolean canPublish(String topic) {
                return true;
            }

            @Override
            public boolean canSubscribe(String filter) {
                return true;
            }

            @Override
            public boolean canReceive(String topic) {
                return true;
            }

            @Override
            public String toString() {
                return "Permissions.ALL";
            }
        };

        /** Allows nothing: the state of a session before its client's permissions are known. */
        Permissions NONE = new Permissions() {
            @Override
            public boolean canPublish(String topic) {
                return false;
            }

            @Override
            public boolean canSubscribe(String filter) {
                return false;
            }

            @Override
            public boolean canReceive(String topic) {
                return false;
            }

            @Override
            public String toString() {
                return "Permissions.NONE";
            }
        };

        /** Write access to a topic name (a PUBLISH from the client, or its will). */
        boolean canPublish(String topic);

        /** Whether a valid topic filter could ever deliver a message the client may read. */
        boolean canSubscribe(String filter);

        /** Read access to a topic name (a message about to be sent to the client). */
        boolean canReceive(String topic);
    }
}
