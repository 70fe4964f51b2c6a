package io.github.ap4j.check;

import java.util.List;

/**
 * The verdict for one destination.
 *
 * @param target     the target as the caller named it (for example the path given on the command line)
 * @param compatible true when no finding has severity error
 * @param errno      what the kernel's migration code returns (null: it returns success, or never
 *                   runs because libvirt, a missing {@code migratable} feature or the doc SE gate
 *                   stops the migration first)
 * @param kernelLog  the lines the kernel and libvirt log, in order, without newlines
 * @param findings   what is wrong or worth knowing, each with a fix
 */
public record TargetReport(String target, boolean compatible, Errno errno, List<String> kernelLog,
        List<Finding> findings) {
    public TargetReport {
        kernelLog = List.copyOf(kernelLog);
        findings = List.copyOf(findings);
    }
}
