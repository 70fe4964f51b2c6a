// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@link Ap4j#commandLine}: the subcommand a run names, or all of them. */
class Ap4jCommandLineTest {

    private static List<String> names(String... args) {
        return new ArrayList<>(Ap4j.commandLine(args, null).getSubcommands().keySet()); // no streams needed to build
    }

    @Test
    void eachNameIsTheCommandsOwnName() {
        for (Ap4j.Subcommand c : Ap4j.SUBCOMMANDS) {
            assertEquals(c.name(), new CommandLine(c.create().get()).getCommandName());
        }
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertEquals(List.of("decode"), names("decode", "--gr2", "0x928000000E550007"));
        assertEquals(List.of("check"), names("--verbose", "check", "--source", "decode"));
    }

    @Test
    void helpAndUnknownCommandsGetThemAllVersionNone() {
        List<String> all = Ap4j.SUBCOMMANDS.stream().map(Ap4j.Subcommand::name).toList();
        assertEquals(List.of("decode", "show", "capture", "native", "check", "plan", "explain",
                "describe", "libvirt-hook"), all);
        assertEquals(all, names("--help"));
        assertEquals(all, names("--verbose", "-h"));
        assertEquals(all, names("chek", "--source", "x"));
        assertEquals(List.of(), names("--version"));
        assertEquals(List.of(), names());
    }

    @Test
    void versionAndAMissingCommandBehaveAsBefore() {
        CliRun v = CliRun.of("--version");
        assertEquals(ExitCode.OK, v.exitCode());
        assertTrue(v.out().startsWith("ap4j "), v.out());
        CliRun none = CliRun.of();
        assertEquals(ExitCode.BAD_INPUT, none.exitCode());
        assertTrue(none.err().contains("missing command"), none.err());
    }

    @Test
    void theVersionShortcutPrintsWhatPicocliPrints() {
        java.io.StringWriter picocli = new java.io.StringWriter();
        new CommandLine(new Ap4j(null).spec).printVersionHelp(new java.io.PrintWriter(picocli, true));
        assertTrue(picocli.toString().startsWith("ap4j "), picocli.toString());
        for (String option : List.of("--version", "-V")) {
            CliRun r = CliRun.of(option);
            assertEquals(ExitCode.OK, r.exitCode(), option);
            assertEquals(picocli.toString(), r.out(), option);
            assertEquals("", r.err(), option);
        }
        // not the shortcut: picocli parses it, and prints the same line
        assertEquals(picocli.toString(), CliRun.of("--verbose", "--version").out());
    }

    @Test
    void helpStillListsEveryCommandAndAMisspeltOneIsSuggested() {
        CliRun help = CliRun.of("--help");
        assertEquals(ExitCode.OK, help.exitCode());
        for (Ap4j.Subcommand c : Ap4j.SUBCOMMANDS) {
            String n = c.name();
            assertTrue(help.out().contains("  " + n + " "), n + " in " + help.out());
        }
        CliRun typo = CliRun.of("chek");
        assertEquals(ExitCode.BAD_INPUT, typo.exitCode());
        assertTrue(typo.err().contains("chek"), typo.err());
    }
}
