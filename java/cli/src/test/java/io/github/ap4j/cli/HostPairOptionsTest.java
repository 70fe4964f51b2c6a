// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** check and plan share --source/--target/--rules through one mixin. */
class HostPairOptionsTest {

    private static CommandLine.Model.OptionSpec option(String command, String name) {
        return Ap4j.commandLine(new String[] {command}, null).getSubcommands().get(command)
                .getCommandSpec().findOption(name);
    }

    @Test
    void checkAndPlanDescribeTheSharedOptionsAlike() {
        for (String name : new String[] {"--source", "--target", "--rules"}) {
            assertEquals(String.join(" ", option("check", name).description()),
                    String.join(" ", option("plan", name).description()), name);
        }
        assertTrue(String.join(" ", option("check", "--source").description())
                .contains("replay:FILE"));
    }

    @Test
    void planTakesOneTargetAndV4IsV3() {
        String ex = ExampleHostsTest.EXAMPLES.toString();
        CliRun two = CliRun.of("plan", "--source", ex + "/source-host", "--target", ex + "/target-ok",
                "--target", ex + "/target-bad", "--mdev", ExampleHosts.UUID);
        assertEquals(ExitCode.BAD_INPUT, two.exitCode());
        assertTrue(two.err().contains("--target: give one target (plan prepares one host), not 2"),
                two.err());
        CliRun v3 = CliRun.of("check", "--source", ex + "/source-host", "--target", ex + "/target-bad",
                "--mdev", ExampleHosts.UUID, "--rules", "v3");
        CliRun v4 = CliRun.of("check", "--source", ex + "/source-host", "--target", ex + "/target-bad",
                "--mdev", ExampleHosts.UUID, "--rules", "v4");
        assertEquals(v3.out(), v4.out());
        assertEquals(v3.exitCode(), v4.exitCode());
    }
}
