// SPDX-License-Identifier: Apache-2.0
package io.github.ap4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code ap4j} command. {@link #run} is the testable entry point: it never exits and never
 * lets an exception escape; every failure becomes one line on stderr and an exit code.
 *
 * <p>Its picocli model is built in code, as {@link DecodeCommand}'s is, not read from
 * annotations: every run builds it, and reading annotations makes the JVM generate a proxy
 * class per annotation type, which an ahead-of-time cache cannot hold (README.md,
 * "Performance").
 */
public final class Ap4j implements Runnable {

    /** Where {@code -} reads from, and where binary output ({@code capture --out -}) goes. */
    final Stdio stdio;

    /** The top-level command's model; its user object is this. */
    final CommandSpec spec;

    Ap4j(Stdio stdio) {
        this.stdio = stdio;
        this.spec = CommandSpec.wrapWithoutInspection(this)
                .name("ap4j")
                .versionProvider(new Version())
                .addOption(OptionSpec.builder("--verbose").type(boolean.class)
                        .scopeType(CommandLine.ScopeType.INHERIT)
                        .description("Print stack traces of failures.").build());
        CodeModel.addStandardHelp(spec);
        spec.usageMessage()
                .description("IBM Z AP crypto queues: decode hardware words, read host snapshots "
                        + "and check vfio-ap guest migration before it happens.")
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(CodeModel.exitCodes(ExitCode.HELP_OK, ExitCode.HELP_INCOMPATIBLE,
                        ExitCode.HELP_BAD_INPUT, ExitCode.HELP_UNAVAILABLE, ExitCode.HELP_BUG,
                        ExitCode.HELP_UNVERIFIABLE));
    }

    /** The streams of the command that {@code spec} belongs to. */
    static Stdio stdio(CommandSpec spec) {
        return ((Ap4j) spec.root().userObject()).stdio;
    }

    /**
     * The subcommands, in the order {@code --help} lists them. They are added by
     * {@link #commandLine}, not through {@code @Command(subcommands = ...)}: picocli builds the
     * model of every subcommand it is given from its annotations, by reflection, which is most
     * of what a short run such as {@code ap4j --version} or {@code ap4j decode} costs.
     */
    static final List<Subcommand> SUBCOMMANDS = List.of(
            new Subcommand("decode", () -> new DecodeCommand().spec),
            new Subcommand("show", () -> new ShowCommand().spec),
            new Subcommand("capture", CaptureCommand::new),
            new Subcommand("native", NativeCommand::new),
            new Subcommand("check", CheckCommand::new),
            new Subcommand("plan", PlanCommand::new),
            new Subcommand("explain", ExplainCommand::new),
            new Subcommand("describe", DescribeCommand::new),
            new Subcommand("libvirt-hook", LibvirtHookCommand::new));

    /**
     * A subcommand's name (its {@code @Command(name)}, or its model's name) and how to make
     * one: an annotated object, or a model built in code.
     */
    record Subcommand(String name, Supplier<Object> create) {
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command (try 'ap4j --help')");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, System.in, System.out, out, err));
    }

    /** Runs the CLI with the given streams and returns the exit code; stdin is the process's. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, System.in, System.out, out, err);
    }

    /**
     * Runs the CLI and returns the exit code. {@code in} is what {@code -} reads; {@code rawOut}
     * receives binary output and is the stream {@code out} writes to (or a separate one in tests).
     */
    public static int run(String[] args, java.io.InputStream in, java.io.OutputStream rawOut,
            PrintWriter out, PrintWriter err) {
        if (args.length == 5 && args[0].equals("libvirt-hook")) {
            // libvirt's four hook arguments are data, never options: a guest may be named "-h".
            args = new String[] {args[0], "--", args[1], args[2], args[3], args[4]};
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli's version option prints (Ap4jCommandLineTest compares the two),
            // without building the parser's model, the larger part of a run this short.
            return printVersion(out);
        }
        List<String> a = Arrays.asList(args);
        String command = commandName(args);
        if ("show".equals(command) || "capture".equals(command)) {
            preloadDirectoryReader();
        }
        boolean verbose = a.contains("--verbose");
        // With --format json, stdout carries JSON whatever happens: a failure too is an object.
        PrintWriter json = jsonRequested(a) ? out : null;
        CommandLine cl = commandLine(args, new Stdio(in, rawOut, out));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, ignored) -> {
            CommandLine.ParameterException first = UsageErrors.firstOf(ex);
            return report(ExitCode.BAD_INPUT, first.getMessage(), first, first.getCommandLine(), err,
                    json, verbose);
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) ->
                report(ExitCode.of(ex), ExitCode.message(ex), ex, c, err, json, verbose));
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable t) {
            // picocli hands only Exceptions to the handler; an Error (OutOfMemoryError,
            // StackOverflowError) leaves execute() and is reported here, as exit 4, one line.
            code = report(ExitCode.of(t), ExitCode.message(t), t, leaf(cl), err, json, verbose);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Loads the native directory reader on a second thread while this one builds the command
     * line: {@code show} and {@code capture} read every device of a host, and on a host of
     * {@value io.github.ap4j.internal.sysfs.SysfsSnapshotReader#TOGETHER_MIN} devices or more
     * the reader needs it, loading JNA and libap4j, a few tens of milliseconds on a cold JVM,
     * about what building the command line takes. On a smaller host, or one read from another
     * source, the load was for nothing, on a core the run does not use otherwise. A daemon
     * thread: it never keeps the JVM alive, and a failed load only means the Java reader.
     */
    private static void preloadDirectoryReader() {
        Thread t = new Thread(io.github.ap4j.natives.DirectoryReader::get, "ap4j-native-preload");
        t.setDaemon(true);
        t.start();
    }

    /**
     * The first argument that is not an option, or null: the subcommand picocli will pick, since
     * the top-level options take no value.
     */
    static String commandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /**
     * The command line for {@code args}: when the first argument that is not an option names a
     * subcommand, only that one is added (the others would never be looked at); for
     * {@code --help} and a misspelt command all of them, so that help lists them and picocli
     * can suggest the nearest; for the rest ({@code --version}, no command) none. The
     * top-level options take no value, so that argument is the subcommand picocli would pick.
     */
    static CommandLine commandLine(String[] args, Stdio stdio) {
        String first = commandName(args);
        boolean help = false;
        for (String a : args) {
            if (!a.startsWith("-")) {
                break;
            }
            help |= a.equals("-h") || a.equals("--help");
        }
        CommandLine cl = new CommandLine(new Ap4j(stdio).spec);
        if (first == null && !help) {
            return cl;
        }
        boolean known = false;
        for (Subcommand c : SUBCOMMANDS) {
            known |= c.name().equals(first);
        }
        for (Subcommand c : SUBCOMMANDS) {
            if (!known || c.name().equals(first)) {
                cl.addSubcommand(c.name(), c.create().get());
            }
        }
        return cl;
    }

    private static int printVersion(PrintWriter out) {
        for (String line : new Version().getVersion()) {
            out.println(line);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The subcommand that ran (for the message prefix), or {@code cl} when parsing failed. */
    private static CommandLine leaf(CommandLine cl) {
        CommandLine.ParseResult pr = cl.getParseResult();
        if (pr == null) {
            return cl;
        }
        while (pr.hasSubcommand()) {
            pr = pr.subcommand();
        }
        return pr.commandSpec().commandLine();
    }

    /** Whether {@code args} ask for {@code --format json} (the launcher's cache choice too). */
    static boolean jsonRequested(List<String> args) {
        int i = args.indexOf("--format");
        return args.contains("--format=json")
                || i >= 0 && i + 1 < args.size() && args.get(i + 1).equalsIgnoreCase("json");
    }

    /**
     * Prints the one line for a failure on stderr (and the stack trace with --verbose), and with
     * --format json also {@code {"error": ..., "exitCode": ...}} on stdout; returns {@code code}.
     */
    private static int report(int code, String message, Throwable ex, CommandLine c,
            PrintWriter err, PrintWriter json, boolean verbose) {
        String line = oneLine(message);
        err.println(prefix(c) + line);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        if (json != null) {
            ObjectNode o = Json.object();
            o.put("error", prefix(c) + line);
            o.put("exitCode", code);
            Json.write(json, o);
        }
        return code;
    }

    private static String prefix(CommandLine c) {
        return c.getCommandSpec().qualifiedName() + ": ";
    }

    /**
     * One line, whatever the message holds: line breaks become spaces, other control characters
     * (C0, DEL, C1: terminal escapes start with ESC or CSI) are escaped as {@code \\xNN}.
     */
    static String oneLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\n' || ch == '\r' || ch == '\t') {
                sb.append(' ');
            } else if (ch < 0x20 || ch >= 0x7f && ch <= 0x9f) {
                sb.append(String.format("\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString().strip();
    }

    /**
     * The version and git commit the build recorded in {@code version.properties} (java/cli's
     * pom.xml writes it); "(development build)" when the classes did not come from Maven.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {line(Ap4j.class.getResourceAsStream("version.properties"))};
        }

        static String line(java.io.InputStream in) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                try (in) {
                    p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                } catch (java.io.IOException e) {
                    p.clear();
                }
            }
            String version = p.getProperty("version", "").strip();
            String commit = p.getProperty("commit", "").strip();
            if (version.isEmpty()) {
                return "ap4j (development build)";
            }
            return "ap4j " + version + (commit.isEmpty() ? "" : " (commit " + commit + ")");
        }
    }
}
