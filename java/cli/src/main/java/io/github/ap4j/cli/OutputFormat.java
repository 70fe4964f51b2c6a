package io.github.ap4j.cli;

/** {@code --format} of commands that print a value in text or JSON. */
public enum OutputFormat {
    text, json
}
