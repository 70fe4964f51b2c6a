// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ap4j.cli.CacheTraining.Cache;
import io.github.ap4j.cli.CacheTraining.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The launcher's caches (CacheTraining): every command has exactly one, every run trains exactly
 * one, and every run ends as the training expects (the package build only warns when it does
 * not, and a cache trained on an error path speeds up the wrong code).
 */
class CacheTrainingTest {

    static final List<Run> RUNS = CacheTraining.runs(ExampleHostsTest.EXAMPLES);

    @Test
    void everySubcommandHasExactlyOneCache() {
        for (Ap4j.Subcommand c : Ap4j.SUBCOMMANDS) {
            List<String> caches = new ArrayList<>();
            for (Cache cache : CacheTraining.CACHES) {
                if (cache.commands().contains(c.name())) {
                    caches.add(cache.name());
                }
            }
            assertEquals(1, caches.size(), c.name() + " is served by " + caches);
        }
    }

    @Test
    void cacheNamesAreWhatTheLauncherAccepts() {
        // java/cli/src/main/sh/ap4j takes a command for a cache's name only when it is [a-z-]+,
        // and names the caches' files after CACHES: a name outside that would never be picked
        for (Cache cache : CacheTraining.CACHES) {
            assertTrue(cache.name().matches("[a-z-]+"), cache.name());
            for (String c : cache.commands()) {
                assertTrue(c.matches("[a-z-]+"), c);
            }
        }
    }

    @Test
    void everyRunTrainsExactlyOneCacheAndEveryCacheHasRuns() {
        for (Run r : RUNS) {
            long serving = CacheTraining.CACHES.stream().filter(c -> c.serves(r.args())).count();
            assertEquals(1, serving, "caches training ap4j " + r.args());
        }
        for (Cache cache : CacheTraining.CACHES) {
            assertTrue(RUNS.stream().anyMatch(r -> cache.serves(r.args())), cache.name() + " has no run");
        }
    }

    @Test
    void jsonRunsTrainTheJsonCacheWhateverTheirCommand() {
        Cache json = cache("json");
        Cache show = cache("show");
        assertTrue(json.serves(List.of("show", "--fixture", "x", "--format", "json")));
        assertTrue(json.serves(List.of("check", "--format=json")));
        assertFalse(show.serves(List.of("show", "--fixture", "x", "--format", "json")));
        assertTrue(show.serves(List.of("show", "--fixture", "x", "--format", "lszcrypt")));
        // no command: the start cache, as the launcher falls back to it
        assertTrue(cache("start").serves(List.of("--version")));
        assertFalse(show.serves(List.of("--version")));
    }

    @Test
    void everyRunEndsWithTheExitCodeTheTrainingExpects() {
        for (Run r : RUNS) {
            CliRun run = CliRun.of(r.args().toArray(String[]::new));
            assertEquals(r.exitCode(), run.exitCode(), "ap4j " + r.args() + ": " + run.err());
        }
    }

    private static Cache cache(String name) {
        return CacheTraining.CACHES.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
