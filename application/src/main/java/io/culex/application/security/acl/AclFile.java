package io.culex.application.security.acl;

import io.culex.domain.security.AclRules;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed ACL file: its rules, the lines Mosquitto would refuse to start with ({@code errors}) and the
 * lines it would warn about ({@code warnings}). The rules are only meant to be used when there is no error.
 */
public record AclFile(AclRules rules, List<AclFileProblem> errors, List<AclFileProblem> warnings) {

    public AclFile {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The errors, one "line N: message" per line, separated by "; ". */
    public String describeErrors() {
        return errors.stream().map(AclFileProblem::toString).collect(Collectors.joining("; "));
    }
}
