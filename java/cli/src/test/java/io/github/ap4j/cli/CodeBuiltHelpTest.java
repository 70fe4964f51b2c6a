// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The commands whose picocli model is built in code ({@link Ap4j}, {@link DecodeCommand},
 * {@link ShowCommand}) print the help that their annotated models printed: the expected text
 * is what {@code ap4j ... --help} printed at commit e84a0fd, before the models moved into code.
 * Options, labels, groups, defaults, descriptions, exit codes and layout are all in it.
 */
class CodeBuiltHelpTest {

    @Test
    void decodeHelp() {
        CliRun r = CliRun.of("decode", "--help");
        assertEquals(ExitCode.OK, r.exitCode());
        assertEquals("""
                Usage: ap4j decode [-hV] [--verbose] [--format=<value>] [--raw-hwtype=N]
                                   (--gr2=WORD | --functions=WORD | --status=WORD | --qci=HEX)
                Decode a TAPQ GR2 word, an ap_functions word, a queue status word or a QCI
                block, bit by bit as the kernel's asm/ap.h defines them.
                      --format=<value>   Output format: text, json (default: text).
                      --functions=WORD   32-bit ap_functions word (GR2 bits 0-31), 0x + 8 hex
                                           digits.
                      --gr2=WORD         64-bit TAPQ GR2 hardware info, 0x + 16 hex digits.
                  -h, --help             Show this help message and exit.
                      --qci=HEX          128-byte QCI block as 256 hex digits.
                      --raw-hwtype=N     Raw AP type (sysfs raw_hwtype, decimal) to go with
                                           --functions.
                      --status=WORD      Queue status word (GR1 bits 32-63), 0x + up to 8 hex
                                           digits.
                  -V, --version          Print version information and exit.
                      --verbose          Print stack traces of failures.

                Exit codes:
                  0   decoded
                  2   bad word or usage
                  4   a bug in ap4j (out of memory included)
                """, r.out());
    }

    @Test
    void showHelp() {
        CliRun r = CliRun.of("show", "--help");
        assertEquals(ExitCode.OK, r.exitCode());
        assertEquals("""
                Usage: ap4j show [-hV] [--verbose] [--format=<format>]
                                 [--lszcrypt-release=VERSION] [--sysfs=DIR | --fixture=PATH |
                                 --lszcrypt=FILE | --native]
                Show a host's AP bus, cards, queues (capabilities decoded) and vfio_ap mdevs,
                from the live sysfs, a fixture, lszcrypt text or the native shim.
                      --fixture=PATH      A recorded fixture: a directory or a .tar.gz/.tgz
                                            from 'ap4j capture'.
                      --format=<format>   Output format: text, lszcrypt, json (default: text).
                  -h, --help              Show this help message and exit.
                      --lszcrypt=FILE     Text of 'lszcrypt -V' (a partial snapshot).
                      --lszcrypt-release=VERSION
                                          With --format lszcrypt: the s390-tools release whose
                                            lszcrypt -V text to print, 2.43 or 2.40 (they
                                            differ in QDEPTH and the default-domain warning;
                                            default: 2.43).
                      --native            PQAP(QCI/TAPQ) through the native shim.
                      --sysfs=DIR         A sysfs root (default: $SYSFS_ROOT or /sys).
                  -V, --version           Print version information and exit.
                      --verbose           Print stack traces of failures.

                Exit codes:
                  0   shown
                  2   bad input (malformed sysfs file, fixture, usage)
                  3   source unavailable here (no AP bus, native layer)
                """, r.out());
    }

    @Test
    void topLevelHelpStartsAndEndsAsBefore() {
        CliRun r = CliRun.of("--help");
        assertEquals(ExitCode.OK, r.exitCode());
        assertTrue(r.out().startsWith("""
                Usage: ap4j [-hV] [--verbose] [COMMAND]
                IBM Z AP crypto queues: decode hardware words, read host snapshots and check
                vfio-ap guest migration before it happens.
                  -h, --help      Show this help message and exit.
                  -V, --version   Print version information and exit.
                      --verbose   Print stack traces of failures.
                """), r.out());
        assertTrue(r.out().endsWith("""
                Exit codes:
                  0   success; check: every target is compatible; explain: a failure explained
                  1   check: some target is incompatible; plan: the commands are not enough;
                        explain: failure lines not explained
                  2   usage error or bad input (names the file)
                  3   unavailable here (native layer, PQAP, no AP bus, configuration changing
                        while read, I/O error)
                  4   a bug in ap4j (out of memory included)
                  5   check: some target unverifiable, none incompatible
                """), r.out());
    }
}
