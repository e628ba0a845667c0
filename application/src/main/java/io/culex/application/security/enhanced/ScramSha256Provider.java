package io.culex.application.security.enhanced;

/** Registers {@link ScramSha256Method} with {@link java.util.ServiceLoader}, as a third-party method would be. */
public final class ScramSha256Provider implements EnhancedAuthProvider {

    @Override
    public String name() {
        return ScramSha256Method.NAME;
    }

    @Override
    public EnhancedAuthMethod create(EnhancedAuthContext context) {
        return new ScramSha256Method(context.passwords());
    }
}
