// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import io.github.ap4j.BadInputException;
import io.github.ap4j.check.RuleSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The libvirt hook's configuration, {@value #DEFAULT_PATH} (path overridable with the
 * environment variable {@value #PATH_VARIABLE}, for tests). A missing file means the defaults.
 * Format, one {@code key = value} per line, {@code #} starts a comment:
 *
 * <pre>
 * policy = allow    # allow | deny: what to do when no check can be made
 * timeout = 10      # seconds (1..600) for the whole decision
 * rules = doc       # doc | v3 (see ap4j check --rules)
 * </pre>
 *
 * @param policy  what happens when the guest cannot be checked (no descriptor, host unreadable,
 *                time bound reached)
 * @param timeout the bound on the whole decision
 * @param rules   the rule set of the check
 * @param origin  the file it came from, or "defaults"
 */
record HookConfig(Policy policy, Duration timeout, RuleSet rules, String origin) {
    static final String DEFAULT_PATH = "/etc/ap4j/libvirt-hook.conf";
    static final String PATH_VARIABLE = "AP4J_HOOK_CONFIG";
    static final int MAX_BYTES = 64 * 1024;

    /** What an unverifiable migration gets. */
    enum Policy {
        /** Let it go ahead; a warning goes to the system log. */
        ALLOW,
        /** Cancel it. */
        DENY
    }

    static HookConfig defaults(String origin) {
        return new HookConfig(Policy.ALLOW, Duration.ofSeconds(10), RuleSet.DOC, origin);
    }

    /** The path the environment names, or the default. */
    static Path path(java.util.Map<String, String> env) {
        String p = env.get(PATH_VARIABLE);
        return Path.of(p == null || p.isEmpty() ? DEFAULT_PATH : p);
    }

    /** Reads {@code file}: defaults when it does not exist; a regular file only. */
    static HookConfig read(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.exists(file)) {
            return defaults("defaults (no " + file + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file.toString(), "not a regular file");
        }
        byte[] data;
        try (InputStream in = Files.newInputStream(file)) {
            data = Stdio.readAll(in, MAX_BYTES, file.toString());
        } catch (NoSuchFileException e) {
            return defaults("defaults (no " + file + ")");
        } catch (IOException e) {
            throw new BadInputException(file.toString(), "cannot read: " + e.getMessage());
        }
        return parse(new String(data, StandardCharsets.UTF_8), file.toString());
    }

    static HookConfig parse(String text, String origin) {
        HookConfig c = defaults(origin);
        Policy policy = c.policy;
        Duration timeout = c.timeout;
        RuleSet rules = c.rules;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = origin + ":" + (i + 1);
            String line = lines[i];
            int hash = line.indexOf('#');
            String s = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (s.isEmpty()) {
                continue;
            }
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new BadInputException(where, "expected key = value: " + BadInputException.quote(line));
            }
            String key = s.substring(0, eq).strip();
            String value = s.substring(eq + 1).strip();
            switch (key) {
                case "policy":
                    if (value.equals("allow")) {
                        policy = Policy.ALLOW;
                    } else if (value.equals("deny")) {
                        policy = Policy.DENY;
                    } else {
                        throw new BadInputException(where, "policy must be allow or deny: "
                                + BadInputException.quote(value));
                    }
                    break;
                case "timeout":
                    if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1
                            || Integer.parseInt(value) > 600) {
                        throw new BadInputException(where, "timeout must be 1..600 seconds: "
                                + BadInputException.quote(value));
                    }
                    timeout = Duration.ofSeconds(Integer.parseInt(value));
                    break;
                case "rules":
                    try {
                        rules = RuleSet.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new BadInputException(where, "rules must be doc or v3: "
                                + BadInputException.quote(value));
                    }
                    break;
                default:
                    throw new BadInputException(where, "unknown key " + BadInputException.quote(key)
                            + " (known: policy, timeout, rules)");
            }
        }
        return new HookConfig(policy, timeout, rules, origin);
    }
}
