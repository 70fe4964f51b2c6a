// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's library example is the consumer integration test's Example.java, character for
 * character, so the code a reader copies is the code the build compiles and runs.
 */
class ReadmeExampleTest {

    @Test
    void readmeShowsTheExampleTheConsumerBuildRuns() throws Exception {
        // Surefire runs in the module directory, java/core.
        String example = Files.readString(
                Path.of("src/it/consumer/src/main/java/example/Example.java"), StandardCharsets.UTF_8)
                // The licence line heads every source file; it is not part of what a reader copies.
                .replaceFirst("^// SPDX-License-Identifier: Apache-2.0\n", "");
        String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("```java\n" + example + "```\n"),
                "README.md's java block under 'Use as a library' differs from Example.java");
    }
}
