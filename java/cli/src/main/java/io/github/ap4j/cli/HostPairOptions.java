// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.check.RuleSet;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --source}, {@code --target} and {@code --rules}, the options {@code check} and
 * {@code plan} share: declared once, so both commands describe and read them alike (a picocli
 * mixin). {@code check} takes any number of targets, {@code plan} exactly one
 * ({@link #onlyTarget}).
 */
final class HostPairOptions {

    @Option(names = "--source", required = true, paramLabel = "SRC",
            description = "Source host: a sysfs tree (/sys honours $SYSFS_ROOT), a fixture "
                    + "directory or .tar.gz from 'ap4j capture', lszcrypt -V text, native, "
                    + "replay:FILE, or a libvirt domain XML holding ap4j's guest descriptor "
                    + "('-' reads stdin; only one argument may be '-').")
    String source;

    @Option(names = "--target", required = true, paramLabel = "TGT",
            description = "Target host, any kind --source takes but a guest descriptor; check "
                    + "takes it repeatedly (reported in this order), plan once.")
    List<String> targets;

    @Option(names = "--rules", defaultValue = "doc", paramLabel = "doc|v3",
            description = "Rule set: doc (the documented behaviour, the newest driver code) or "
                    + "v3 (the posted v3/v4 patches; v4 is an alias). Default: ${DEFAULT-VALUE}.")
    String rules;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The rule set {@code --rules} names; a usage error for any other word. */
    RuleSet ruleSet() {
        try {
            return RuleSet.parse(rules);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rules: " + e.getMessage());
        }
    }

    /** The one {@code --target} of a command that compares against a single host. */
    String onlyTarget() {
        if (targets.size() != 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--target: give one target (plan prepares one host), not " + targets.size());
        }
        return targets.get(0);
    }
}
